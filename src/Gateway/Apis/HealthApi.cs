using Gongzhi.Gateway.Realtime;
using Gongzhi.Realtime;

namespace Gongzhi.Gateway.Apis;

/// <summary>
/// Health for orchestrators and people: <c>/healthz/live</c> (the process serves), <c>/healthz/ready</c> (this gateway
/// can store submissions, with or without a silo) and <c>/healthz</c>, 200 only when the cluster, storage and the
/// live-push registration all answer, with the poison queue's count beside.
/// </summary>
public static class HealthApi
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The full report; <c>poisonCount</c> is null when storage did not answer.</summary>
    public sealed record HealthReport(string Status, bool Cluster, bool Storage, bool LivePush, int? PoisonCount);

    public sealed record LiveReport(string Status);

    public sealed record ReadyReport(string Status, bool Storage);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", CheckAsync).WithName("Health").WithTags("Operations").AllowAnonymous()
            .WithSummary("Whether the cluster, storage and live push all answer (503 when one does not)")
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/healthz/live", Live).WithName("HealthLive").WithTags("Operations").AllowAnonymous()
            .WithSummary("Liveness: the process serves requests");
        app.MapGet("/healthz/ready", ReadyAsync).WithName("HealthReady").WithTags("Operations").AllowAnonymous()
            .WithSummary("Readiness for intake: this gateway can store submissions (503 when storage does not answer)")
            .Produces<ReadyReport>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public static Ok<LiveReport> Live() => TypedResults.Ok(new LiveReport("live"));

    /// <summary>Ready for intake: the intake queue answers. A silo is not needed to accept submissions.</summary>
    public static async Task<Results<Ok<ReadyReport>, JsonHttpResult<ReadyReport>>> ReadyAsync(IntakeQueue queue, CancellationToken cancellationToken)
    {
        var storageOk = await ProbeAsync(queue.ReachableAsync, cancellationToken);
        return storageOk
            ? TypedResults.Ok(new ReadyReport("ready", true))
            : TypedResults.Json(new ReadyReport("notReady", false), statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    public static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> CheckAsync(
        IClusterClient cluster, IntakeQueue queue, PoisonQueue poison, ObserverRegistration registration, CancellationToken cancellationToken)
    {
        var clusterProbe = ProbeAsync(async ct => { await cluster.GetGrain<IDispatchRegistryGrain>(0).CountAsync().WaitAsync(ct); return true; }, cancellationToken);
        var storageProbe = ProbeAsync(queue.ReachableAsync, cancellationToken);
        var poisonProbe = AnswerAsync<int?>(async ct => await poison.CountAsync(ct), cancellationToken);
        var (clusterOk, storageOk, poisonCount) = (await clusterProbe, await storageProbe, await poisonProbe);
        var pushOk = registration.IsRegistered;
        var healthy = clusterOk && storageOk && pushOk;
        var report = new HealthReport(healthy ? "healthy" : "unhealthy", clusterOk, storageOk, pushOk, poisonCount);
        return healthy ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<bool> ProbeAsync(Func<CancellationToken, Task<bool>> probe, CancellationToken cancellationToken) =>
        await AnswerAsync<bool?>(async ct => await probe(ct), cancellationToken) ?? false;

    // The probe's answer, or null when it failed or took longer than ProbeTimeout.
    private static async Task<T?> AnswerAsync<T>(Func<CancellationToken, Task<T?>> probe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            return await probe(timeout.Token);
        }
        catch (Exception)
        {
            return default;
        }
    }
}
