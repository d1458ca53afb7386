using Azure;
using Azure.Storage.Queues;
using Gongzhi.Silo.Intake;
using Microsoft.Extensions.Options;

namespace Gongzhi.Silo.Management;

/// <summary>
/// Whether the storage account answers: one read of the intake queue's properties, as the gateway's readiness does.
/// A queue-level read, not the queue service's properties, so a managed identity with the Storage Queue Data roles
/// (which do not cover the service's settings) is ready; a missing queue still means the account answered.
/// </summary>
public class SiloStorageProbe(QueueServiceClient queues, IOptions<IntakeOptions> intake)
{
    public virtual async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            await queues.GetQueueClient(intake.Value.QueueName).GetPropertiesAsync(cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The first submission creates the queue; the account answered.
        }

        return true;
    }
}
