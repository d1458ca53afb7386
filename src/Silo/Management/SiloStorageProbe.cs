using Azure.Storage.Queues;

namespace Gongzhi.Silo.Management;

/// <summary>Whether the storage account answers: one cheap read of the queue service's properties.</summary>
public class SiloStorageProbe(QueueServiceClient queues)
{
    public virtual async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        await queues.GetPropertiesAsync(cancellationToken);
        return true;
    }
}
