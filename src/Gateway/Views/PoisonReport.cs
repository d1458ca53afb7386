using Gongzhi.Gateway.Intake;

namespace Gongzhi.Gateway.Views;

/// <summary>The poison queue: its approximate <c>count</c> (the whole queue) and the peeked entries the caller may see.</summary>
public sealed record PoisonReport(int Count, IReadOnlyList<PoisonEntry> Entries);

/// <summary>How many messages a replay moved back to the intake queue.</summary>
public sealed record PoisonReplayResult(int Moved);
