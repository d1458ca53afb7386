using Gongzhi.Hosting;
using Gongzhi.Silo.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Gongzhi.Silo.Tests;

/// <summary>A silo outside Development will not start on public or committed secrets; nothing here runs a silo.</summary>
public sealed class StartupSecretsTests : IDisposable
{
    private const string GoodStorage = "DefaultEndpointsProtocol=https;AccountName=county;AccountKey=c2VjcmV0LWtleS1vZi10aGUtY291bnR5;EndpointSuffix=core.chinacloudapi.cn";

    private readonly string _dir = Directory.CreateTempSubdirectory("gongzhi-secrets-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(null, "ConnectionStrings:Storage is not set (ConnectionStrings__Storage)")]
    [InlineData("UseDevelopmentStorage=true", "ConnectionStrings:Storage is UseDevelopmentStorage=true")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + StartupSecrets.AzuriteAccountKey + ";TableEndpoint=http://10.0.0.5:10002/devstoreaccount1;",
        "ConnectionStrings:Storage uses a public account key")]
    public void A_production_silo_refuses_to_start_on_public_or_missing_storage_and_names_the_setting(string? storage, string message)
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => Silo(new() { [StartupSecrets.StorageSetting] = storage }));
        Assert.Contains(message, refusal.Message);
        Assert.Contains("Refusing to start in Production", refusal.Message);
    }

    [Fact]
    public void A_production_silo_with_its_own_storage_account_starts()
    {
        var silo = Silo(new() { [StartupSecrets.StorageSetting] = GoodStorage });
        Assert.NotNull(silo);
    }

    [Fact]
    public void A_development_silo_may_use_azurite()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [StartupSecrets.StorageSetting] = "UseDevelopmentStorage=true" });
        Assert.NotNull(builder.AddGongzhiSilo());
    }

    [Fact]
    public void A_secret_committed_in_an_appsettings_file_is_refused_while_it_is_the_value_in_use()
    {
        var file = Path.Combine(_dir, "appsettings.json");
        File.WriteAllText(file, """{ "Auth": { "Oidc": { "ClientSecret": "committed-secret" } }, "Gateway": { "TrackingKey": "committed-key-committed-key-committed" } }""");
        var configuration = new ConfigurationBuilder().AddJsonFile(file).AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StartupSecrets.StorageSetting] = GoodStorage,
            ["Gateway:TrackingKey"] = "a-key-from-the-environment-not-the-repository",
        }).Build();

        var problems = StartupSecrets.Problems(configuration, [file], ["Gateway:TrackingKey"]);

        var problem = Assert.Single(problems);
        Assert.Contains("Auth:Oidc:ClientSecret is the value committed in appsettings.json", problem);
        Assert.Contains("Auth__Oidc__ClientSecret", problem);
    }

    [Fact]
    public void A_storage_account_key_committed_in_a_connection_string_is_refused()
    {
        var file = Path.Combine(_dir, "appsettings.Production.json");
        File.WriteAllText(file, """{ "ConnectionStrings": { "Storage": "AccountName=county;AccountKey=bGVha2VkLWtleQ==" } }""");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StartupSecrets.StorageSetting] = "DefaultEndpointsProtocol=https;AccountName=county;AccountKey=bGVha2VkLWtleQ==",
        }).Build();

        Assert.Contains(StartupSecrets.Problems(configuration, [file], []), p => p.Contains("public account key"));
    }

    private static IHostApplicationBuilder Silo(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder.AddGongzhiSilo();
    }
}
