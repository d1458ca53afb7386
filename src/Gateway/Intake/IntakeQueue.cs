using Azure.Storage.Queues;
using Gongzhi.Cases;
using Gongzhi.Intake;
using Microsoft.Extensions.Options;

namespace Gongzhi.Gateway.Intake;

/// <summary>Writes accepted submissions durably to the intake queue; the 202 goes out only after the write.</summary>
public sealed class IntakeQueue(QueueServiceClient queues, IOptions<GatewayOptions> options)
{
    private readonly QueueClient _queue = queues.GetQueueClient(options.Value.IntakeQueueName);
    private Task? _created;

    public QueueClient Client => _queue;

    public async Task EnqueueAsync(CaseSubmission submission, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync();
        await _queue.SendMessageAsync(new IntakeMessage(1, [submission]).ToJson(), cancellationToken);
    }

    /// <summary>Whether storage answers; used by the health check.</summary>
    public async Task<bool> ReachableAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync();
        await _queue.GetPropertiesAsync(cancellationToken);
        return true;
    }

    // Created once per process; a failed attempt (storage down) is tried again on the next call.
    private Task EnsureCreatedAsync()
    {
        var created = _created;
        if (created is null || created.IsFaulted || created.IsCanceled)
        {
            _created = created = _queue.CreateIfNotExistsAsync();
        }

        return created;
    }
}
