using Gongzhi.Silo.Archive;
using Gongzhi.Silo.Extensions;
using Gongzhi.Silo.Storage;
using Gongzhi.Silo.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// What every <see cref="CaseGrain"/> needs from the silo, resolved once: a case grain keeps one reference
/// to this instead of a field per service, ~32 bytes less per resident case (issue 5, S4).
/// </summary>
internal sealed class CaseGrainServices(
    GrainStates states,
    [FromKeyedServices(Clocks.Domain)] TimeProvider time,
    IOptions<ArchiveOptions> archiveOptions,
    ILogger<CaseGrain> logger,
    GrainReferences grains,
    SiloMetrics metrics,
    ICaseArchive? archive = null)
{
    /// <summary>Makes the case's row; read by a case grain's constructor (Orleans runs it on the activation being created).</summary>
    public GrainStates States { get; } = states;

    /// <summary>Where cases from the batched intake are kept: shared partitions, new rows inserted many at once.</summary>
    public StateRow SharedPartitions { get; } = states.Row(StorageNames.Shared(CaseGrain.StateName));

    /// <summary>Where the other cases are kept: those submitted with a client request id, and all from before the batched intake.</summary>
    public StateRow PartitionPerCase { get; } = states.Row(CaseGrain.StateName);

    public TimeProvider Time { get; } = time;

    public ArchiveOptions ArchiveOptions => archiveOptions.Value;

    public ILogger<CaseGrain> Logger { get; } = logger;

    public ICaseArchive? Archive { get; } = archive;

    public GrainReferences Grains { get; } = grains;

    public IGrainFactory GrainFactory => Grains.Factory;

    public SiloMetrics Metrics { get; } = metrics;
}
