using Gongzhi.Gateway.Intake;
using Gongzhi.Gateway.Realtime;
using Gongzhi.Realtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongzhi.Gateway.Apis;

/// <summary><c>GET /healthz</c>: 200 only when the cluster, storage and the live-push registration all answer.</summary>
public static class HealthApi
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public sealed record HealthReport(string Status, bool Cluster, bool Storage, bool LivePush);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", CheckAsync).WithName("Health").WithTags("Operations").AllowAnonymous();
        return app;
    }

    public static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> CheckAsync(
        IClusterClient cluster, IntakeQueue queue, ObserverRegistration registration, CancellationToken cancellationToken)
    {
        var clusterOk = await ProbeAsync(async ct => { await cluster.GetGrain<IDispatchRegistryGrain>(0).CountAsync().WaitAsync(ct); return true; }, cancellationToken);
        var storageOk = await ProbeAsync(queue.ReachableAsync, cancellationToken);
        var pushOk = registration.IsRegistered;
        var healthy = clusterOk && storageOk && pushOk;
        var report = new HealthReport(healthy ? "healthy" : "unhealthy", clusterOk, storageOk, pushOk);
        return healthy ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<bool> ProbeAsync(Func<CancellationToken, Task<bool>> probe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            return await probe(timeout.Token);
        }
        catch (Exception)
        {
            return false;
        }
    }
}
