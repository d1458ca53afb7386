using Gongzhi.Cases;

namespace Gongzhi.Domain;

/// <summary>How long the metrics keep a case: open cases always, closed ones for about 400 days after their last step, which keeps a year's monthly report whole.</summary>
public static class MetricsRetention
{
    public static readonly TimeSpan KeepClosedFor = TimeSpan.FromDays(400);

    /// <summary>Closed, and its last recorded step is older than the retention; the fact carries no closing time, and its last step is at most days before it.</summary>
    public static bool IsExpired(CaseFact fact, DateTimeOffset now) =>
        fact.Closure is not null && LastStep(fact) < now - KeepClosedFor;

    private static DateTimeOffset LastStep(CaseFact fact) =>
        new[] { fact.SubmittedAt, fact.AcceptedAt, fact.AcknowledgedAt, fact.ResolvedAt }.Max(t => t ?? DateTimeOffset.MinValue);
}
