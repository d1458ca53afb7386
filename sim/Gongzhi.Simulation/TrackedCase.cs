using Gongzhi.Cases;

namespace Gongzhi.Simulation;

/// <summary>What the simulation knows of one case: its submission, its first promises, and which of its events it has answered.</summary>
public sealed class TrackedCase(int number, Arrival arrival, string caseId)
{
    public int Number { get; } = number;

    public Arrival Arrival { get; } = arrival;

    public string CaseId { get; } = caseId;

    public CaseSnapshot? Last { get; set; }

    /// <summary>The SLA's first acknowledge-by and resolve-by, as the case said on submission.</summary>
    public DateTimeOffset? FirstAcknowledgeBy { get; set; }

    public DateTimeOffset? FirstResolveBy { get; set; }

    /// <summary>Wall-clock milliseconds the submission took (accept and machine dispatch).</summary>
    public double SubmitMilliseconds { get; set; }

    /// <summary>The seq of the last event the simulation scheduled an answer to, per kind of answer.</summary>
    public int AnsweredAssignment { get; set; }

    public int WorkedAcknowledgement { get; set; }

    public int HandledLevelMove { get; set; }

    public int RatedResolution { get; set; }

    public HashSet<DateTimeOffset> DeadlineChecks { get; } = [];
}
