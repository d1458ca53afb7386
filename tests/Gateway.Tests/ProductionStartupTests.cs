using System.Net;
using Gongzhi.Hosting;
using Microsoft.AspNetCore.Hosting;

namespace Gongzhi.Gateway.Tests;

/// <summary>A gateway in Production refuses to start on missing, public or committed keys, and names the setting.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ProductionStartupTests(GatewayFixture fixture)
{
    public static TheoryData<string, string?, string> BadSettings => new()
    {
        { "Auth:SigningKey", null, "Auth:SigningKey is not set (Auth__SigningKey)" },
        { "Gateway:TrackingKey", "", "Gateway:TrackingKey is not set (Gateway__TrackingKey)" },
        { "Auth:SigningKey", "development-only-signing-key-change-me-in-production", "Auth:SigningKey is a development key published" },
        { "ConnectionStrings:Storage", "UseDevelopmentStorage=true", "ConnectionStrings:Storage is UseDevelopmentStorage=true" },
        {
            "ConnectionStrings:Storage",
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + StartupSecrets.AzuriteAccountKey + ";TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;",
            "ConnectionStrings:Storage uses a public account key"
        },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_production_gateway_with_a_bad_setting_refuses_to_start_naming_it(string setting, string? value, string message)
    {
        using var gateway = fixture.Gateway(fixture.QuietQueueName, "Production").WithWebHostBuilder(web => web.UseSetting(setting, value ?? ""));

        var refusal = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        var messages = string.Join(" | ", Chain(refusal).Select(e => e.Message));
        Assert.Contains(message, messages);
    }

    [Fact]
    public async Task A_production_gateway_with_its_own_keys_and_storage_account_starts()
    {
        await using var gateway = fixture.Gateway(fixture.QuietQueueName, "Production");

        var live = await gateway.CreateClient().GetAsync("/healthz/live");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task A_development_gateway_without_keys_makes_up_its_own_for_the_run()
    {
        await using var gateway = fixture.Gateway(fixture.QuietQueueName).WithWebHostBuilder(web =>
        {
            web.UseSetting("Auth:SigningKey", "");
            web.UseSetting("Gateway:TrackingKey", "");
        });

        var live = await gateway.CreateClient().GetAsync("/healthz/live");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
