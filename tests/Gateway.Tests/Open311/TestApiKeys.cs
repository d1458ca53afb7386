using Gongzhi.Gateway.Open311;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Gongzhi.Gateway.Tests.Open311;

/// <summary>
/// The api_keys of the Open311 tests, until the admin's key store (branch i15-keys) is merged: one key per outcome
/// <see cref="IOpen311ApiKeys"/> can answer.
/// </summary>
public sealed class TestApiKeys : IOpen311ApiKeys
{
    public const string Good = "good-key";
    public const string Revoked = "revoked-key";
    public const string Busy = "busy-key";

    public ValueTask<ApiKeyCheck> CheckAsync(string? apiKey, CancellationToken cancellationToken) => ValueTask.FromResult(apiKey switch
    {
        null or "" => new ApiKeyCheck(ApiKeyOutcome.Missing),
        Good => new ApiKeyCheck(ApiKeyOutcome.Accepted, "test-client"),
        Revoked => new ApiKeyCheck(ApiKeyOutcome.Revoked),
        Busy => new ApiKeyCheck(ApiKeyOutcome.TooManyRequests, RetryAfter: TimeSpan.FromSeconds(30)),
        _ => new ApiKeyCheck(ApiKeyOutcome.Unknown),
    });

    /// <summary>A gateway of the fixture writing to the given queue (the silo's "intake" by default), with these keys.</summary>
    public static WebApplicationFactory<Program> Gateway(GatewayFixture fixture, string queue = "intake") =>
        fixture.Gateway(queue).WithWebHostBuilder(web => web.ConfigureTestServices(s => s.AddSingleton<IOpen311ApiKeys, TestApiKeys>()));
}
