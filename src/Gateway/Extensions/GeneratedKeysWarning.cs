namespace Gongzhi.Gateway.Extensions;

/// <summary>Says at start which keys Development made up for this run (see <see cref="GatewayKeys"/>).</summary>
internal sealed class GeneratedKeysWarning(IReadOnlyList<string> settings, ILogger<GeneratedKeysWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var setting in settings)
        {
            logger.LogWarning("{Setting} is not configured: using a random key for this run. Tokens and tracking links issued now stop working at the next start, and other gateways will not accept them", setting);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
