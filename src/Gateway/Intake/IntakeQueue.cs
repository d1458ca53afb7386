using Azure.Storage.Queues;
using Gongzhi.Cases;
using Gongzhi.Intake;
using Microsoft.Extensions.Options;

namespace Gongzhi.Gateway.Intake;

/// <summary>
/// Where accepted submissions are stored until a silo takes them: the batched queue beside the intake queue
/// (<see cref="IntakeMessage.BatchedVersion"/>), whose cases silos insert many at once, written by group commit
/// (<see cref="IntakeLane"/>). The intake queue itself now only gets back messages of its own version moved from the
/// poison queue; silos still read it (docs/architecture.md, D16-batched-inserts).
/// </summary>
public sealed class IntakeQueue(QueueServiceClient queues, IntakeWakeUp wakeUp, IOptions<GatewayOptions> options, TimeProvider time)
{
    private readonly IntakeLane _batched = new(queues.GetQueueClient(IntakeMessage.BatchedQueueOf(options.Value.IntakeQueueName)), IntakeMessage.BatchedVersion,
        wakeUp, options.Value, time);

    private readonly IntakeLane _perCase = new(queues.GetQueueClient(options.Value.IntakeQueueName), IntakeMessage.CurrentVersion, wakeUp, options.Value, time);

    /// <summary>Submissions waiting for a send to take them.</summary>
    internal int Waiting => _batched.Waiting;

    /// <summary>Completes when the submission is stored in the batched queue; cancelling helps only while it still waits for a send.</summary>
    public Task EnqueueAsync(CaseSubmission submission, CancellationToken cancellationToken) => _batched.EnqueueAsync(submission, cancellationToken);

    /// <summary>Stores a message body as it is, e.g. one moved back from the poison queue, in the queue of its version.</summary>
    public Task SendRawAsync(BinaryData body, CancellationToken cancellationToken) =>
        (IntakeMessage.VersionOf(body.ToString()) == IntakeMessage.BatchedVersion ? _batched : _perCase).SendRawAsync(body, cancellationToken);

    /// <summary>Whether storage answers; used by the health check.</summary>
    public Task<bool> ReachableAsync(CancellationToken cancellationToken) => _batched.ReachableAsync(cancellationToken);
}
