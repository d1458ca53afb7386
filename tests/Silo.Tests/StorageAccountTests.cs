using Azure.Identity;
using Gongzhi.Hosting;
using Gongzhi.Silo.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Gongzhi.Silo.Tests;

/// <summary>How both processes reach the storage account: a connection string, or a managed identity; nothing here calls storage.</summary>
public sealed class StorageAccountTests
{
    private const string CountyKey = "DefaultEndpointsProtocol=https;AccountName=county;AccountKey=c2VjcmV0LWtleS1vZi10aGUtY291bnR5;EndpointSuffix=core.windows.net";

    // appsettings.json carries Azurite's connection string for every environment; a deployment adds its own settings over it.
    private static readonly Dictionary<string, string?> Committed = new() { [StorageAccount.ConnectionSetting] = "UseDevelopmentStorage=true" };

    [Fact]
    public void A_connection_string_signs_in_with_its_key_and_no_identity()
    {
        var account = Account(Environments.Production, new() { [StorageAccount.ConnectionSetting] = CountyKey });

        Assert.Null(account.Credential);
        Assert.Equal(CountyKey, account.ConnectionString);
        Assert.Equal(new Uri("https://county.table.core.windows.net/"), account.Tables().Uri);
    }

    [Fact]
    public void An_account_name_signs_in_with_the_managed_identity_at_the_accounts_public_endpoints()
    {
        var account = Account(Environments.Production, new() { [StorageAccount.AccountNameSetting] = "county" });

        Assert.IsType<DefaultAzureCredential>(account.Credential);
        Assert.Null(account.ConnectionString);
        Assert.Equal(new Uri("https://county.blob.core.windows.net/"), account.Blobs().Uri);
        Assert.Equal(new Uri("https://county.queue.core.windows.net/"), account.Queues().Uri);
        Assert.Equal(new Uri("https://county.table.core.windows.net/"), account.Tables().Uri);
    }

    [Fact]
    public void Service_uris_name_private_endpoints_or_another_cloud_and_win_over_the_account_name()
    {
        var account = Account(Environments.Production, new()
        {
            [StorageAccount.AccountNameSetting] = "county",
            [StorageAccount.EndpointSuffixSetting] = "core.chinacloudapi.cn",
            ["Storage:ServiceUris:Table"] = "https://county-tables.privatelink.example.cn/",
        });

        Assert.IsType<DefaultAzureCredential>(account.Credential);
        Assert.Equal(new Uri("https://county-tables.privatelink.example.cn/"), account.Tables().Uri);
        Assert.Equal(new Uri("https://county.blob.core.chinacloudapi.cn/"), account.Blobs().Uri);
    }

    [Fact]
    public void Some_service_uris_without_an_account_name_refuse_to_start_naming_the_missing_one()
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => Account(Environments.Production, new()
        {
            ["Storage:ServiceUris:Table"] = "https://county.table.core.windows.net/",
            ["Storage:ServiceUris:Queue"] = "https://county.queue.core.windows.net/",
        }));

        Assert.Contains("Storage:ServiceUris:Blob is not set (Storage__ServiceUris__Blob)", refusal.Message);
    }

    [Fact]
    public void Without_any_storage_setting_a_production_process_refuses_to_start_naming_both_ways()
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => Account(Environments.Production, []));

        Assert.Contains("ConnectionStrings:Storage (ConnectionStrings__Storage)", refusal.Message);
        Assert.Contains("Storage:AccountName (Storage__AccountName)", refusal.Message);
    }

    [Fact]
    public void Without_any_storage_setting_development_uses_azurite()
    {
        var account = Account(Environments.Development, []);

        Assert.Equal("UseDevelopmentStorage=true", account.ConnectionString);
        Assert.Equal(10002, account.Tables().Uri.Port);
    }

    [Fact]
    public void A_production_silo_on_a_managed_identity_passes_the_secrets_check_despite_the_committed_azurite_string()
    {
        var withIdentity = new ConfigurationBuilder().AddInMemoryCollection(Committed).AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageAccount.AccountNameSetting] = "county",
        }).Build();
        var without = new ConfigurationBuilder().AddInMemoryCollection(Committed).Build();

        Assert.Empty(StartupSecrets.Problems(withIdentity, [], []));
        var refusal = Assert.Single(StartupSecrets.Problems(without, [], []));
        Assert.Contains("ConnectionStrings:Storage is UseDevelopmentStorage=true", refusal);
        Assert.Contains("Storage:AccountName (Storage__AccountName)", refusal);
    }

    [Fact]
    public void A_production_silo_on_a_managed_identity_builds_its_services()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(Committed);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [StorageAccount.AccountNameSetting] = "county" });

        builder.AddGongzhiSilo();

        Assert.Contains(builder.Services, d => d.ServiceType == typeof(Azure.Storage.Queues.QueueServiceClient)
            && d.ImplementationInstance is Azure.Storage.Queues.QueueServiceClient { Uri.Host: "county.queue.core.windows.net" });
    }

    private static StorageAccount Account(string environment, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return StorageAccount.From(configuration, new HostingEnvironment { EnvironmentName = environment });
    }
}
