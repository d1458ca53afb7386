using Gongzhi.Consultations;

namespace Gongzhi.Domain;

/// <summary>
/// A staff account's invitations to 7+X consultations: one per consultation, its meeting brought up to date as it
/// moves on while the party's own marks (read, will attend) stay. At most <see cref="MaxEntries"/>: past that the
/// invitations to the earliest concluded meetings go first.
/// </summary>
public static class InvitationInboxRules
{
    public const int MaxEntries = 200;

    /// <summary>Keeps the invitation; whether the inbox changed and whether the invitation is new to it.</summary>
    public static (bool Changed, bool IsNew) Deliver(List<InvitationEntry> inbox, ConsultationSummary consultation, DateTimeOffset invitedAt)
    {
        var at = inbox.FindIndex(e => e.Consultation.ConsultationId == consultation.ConsultationId);
        if (at >= 0)
        {
            if (inbox[at].Consultation == consultation)
            {
                return (false, false);
            }

            inbox[at] = inbox[at] with { Consultation = consultation };
            return (true, false);
        }

        inbox.Add(new InvitationEntry(consultation, invitedAt, null, null));
        var concluded = inbox.Where(e => e.Consultation.Status == ConsultationStatus.Concluded).OrderBy(e => e.Consultation.Time).ToList();
        foreach (var old in concluded.Take(Math.Max(0, inbox.Count - MaxEntries)))
        {
            inbox.Remove(old);
        }

        return (true, true);
    }

    /// <summary>The party opened it; the entry after (null when none) and whether it changed.</summary>
    public static (InvitationEntry? Entry, bool Changed) MarkRead(List<InvitationEntry> inbox, string consultationId, DateTimeOffset now) =>
        Mark(inbox, consultationId, e => e.ReadAt is null ? e with { ReadAt = now } : e);

    /// <summary>The party will attend, which also reads it; the entry after (null when none) and whether it changed.</summary>
    public static (InvitationEntry? Entry, bool Changed) Acknowledge(List<InvitationEntry> inbox, string consultationId, DateTimeOffset now) =>
        Mark(inbox, consultationId, e => e.AcknowledgedAt is null ? e with { ReadAt = e.ReadAt ?? now, AcknowledgedAt = now } : e);

    /// <summary>The invitations to show: the latest meeting first.</summary>
    public static IReadOnlyList<InvitationEntry> Listed(IEnumerable<InvitationEntry> inbox) =>
        inbox.OrderByDescending(e => e.Consultation.Time).ThenBy(e => e.Consultation.ConsultationId, StringComparer.Ordinal).ToArray();

    private static (InvitationEntry? Entry, bool Changed) Mark(List<InvitationEntry> inbox, string consultationId, Func<InvitationEntry, InvitationEntry> mark)
    {
        var at = inbox.FindIndex(e => e.Consultation.ConsultationId == consultationId);
        if (at < 0)
        {
            return (null, false);
        }

        var marked = mark(inbox[at]);
        var changed = marked != inbox[at];
        inbox[at] = marked;
        return (marked, changed);
    }
}
