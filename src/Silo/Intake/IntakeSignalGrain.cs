using Gongzhi.Intake;
using Orleans.Concurrency;

namespace Gongzhi.Silo.Intake;

/// <summary>Runs on the silo a gateway's call reaches (stateless worker) and wakes that silo's intake worker.</summary>
[StatelessWorker(1)]
internal sealed class IntakeSignalGrain(IntakeSignal signal) : Grain, IIntakeSignalGrain
{
    public Task WakeAsync()
    {
        signal.Wake();
        return Task.CompletedTask;
    }
}
