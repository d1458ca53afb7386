using System.Security.Cryptography;
using Gongzhi.Hosting;

namespace Gongzhi.Gateway.Extensions;

/// <summary>
/// The gateway's keys: outside Development they must be configured and not public (<see cref="StartupSecrets"/>);
/// in Development a missing one is a random key for this run, so no key needs to sit in the repository.
/// </summary>
internal static class GatewayKeys
{
    public const string SigningKey = "Auth:SigningKey";

    public const string TrackingKey = "Gateway:TrackingKey";

    public static WebApplicationBuilder AddGatewayKeys(this WebApplicationBuilder builder)
    {
        // The build's OpenAPI run supplies placeholders of its own (BuildTimeDocument).
        if (BuildTimeDocument.IsGenerating)
        {
            return builder;
        }

        StartupSecrets.Check(builder.Configuration, builder.Environment, SigningKey, TrackingKey);
        if (!builder.Environment.IsDevelopment())
        {
            return builder;
        }

        var generated = new[] { SigningKey, TrackingKey }.Where(s => string.IsNullOrWhiteSpace(builder.Configuration[s])).ToArray();
        if (generated.Length > 0)
        {
            builder.Configuration.AddInMemoryCollection(generated.Select(s => KeyValuePair.Create(s, (string?)Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)))));
            builder.Services.AddHostedService(sp => new GeneratedKeysWarning(generated, sp.GetRequiredService<ILogger<GeneratedKeysWarning>>()));
        }

        return builder;
    }
}
