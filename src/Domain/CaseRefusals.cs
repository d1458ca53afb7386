using System.Globalization;
using Gongzhi.Cases;

namespace Gongzhi.Domain;

/// <summary>The refusals the case rules share, so each code carries the same args wherever it is given.</summary>
public static class CaseRefusals
{
    public static CaseTransition NotFound(string detail = "No such case.") =>
        CaseTransition.Refused(CommandOutcome.NotFound, Refusal.Of(RefusalCodes.CaseNotFound, detail));

    /// <summary>The case is resolved, closed or merged (or not taken in): <paramref name="detail"/> says what it can no longer do.</summary>
    public static CaseTransition NotOpen(CaseRecord record, string detail) =>
        Conflict(RefusalCodes.CaseNotOpen, detail, ("status", Refusal.Name(record.Status)));

    /// <summary>The client read the case at <paramref name="expectedSeq"/>; it has moved on since.</summary>
    public static CaseTransition StaleSeq(CaseRecord record, int expectedSeq) =>
        Conflict(RefusalCodes.StaleSeq, $"The case has moved on: seq is {record.LastSeq}, not {expectedSeq}. Reload it and try again.",
            ("seq", record.LastSeq.ToString(CultureInfo.InvariantCulture)), ("expectedSeq", expectedSeq.ToString(CultureInfo.InvariantCulture)));

    public static CaseTransition Conflict(string code, string detail, params (string Name, string Value)[] args) =>
        CaseTransition.Refused(CommandOutcome.Conflict, Refusal.Of(code, detail, args));

    public static CaseTransition Forbidden(string code, string detail, params (string Name, string Value)[] args) =>
        CaseTransition.Refused(CommandOutcome.Forbidden, Refusal.Of(code, detail, args));
}
