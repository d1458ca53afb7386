using System.Collections.Concurrent;

namespace Gongzhi.Bench;

/// <summary>What the run's progress and figures read of whichever SignalR listeners a scenario uses.</summary>
public interface IPushListeners
{
    int Count { get; }

    long BoardPushCount { get; }

    long CadrePushCount { get; }

    /// <summary>Connections closed by the other side or the network during the run.</summary>
    long DroppedCount { get; }

    ConcurrentDictionary<string, long> EventTypes { get; }
}
