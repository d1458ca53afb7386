using Gongzhi.Consultations;

namespace Gongzhi.Domain;

/// <summary>
/// A level's list of 7+X consultations: one entry per consultation, replaced as the meeting moves on, kept in meeting
/// time order. Every meeting still to be held stays; of the concluded ones the <see cref="MaxConcluded"/> latest stay.
/// </summary>
public static class ConsultationIndexRules
{
    public const int MaxConcluded = 200;

    /// <summary>Puts the consultation in the list, or replaces it there; false when the list already held it so.</summary>
    public static bool Upsert(List<ConsultationSummary> index, ConsultationSummary consultation)
    {
        var at = index.FindIndex(c => c.ConsultationId == consultation.ConsultationId);
        if (at >= 0 && index[at] == consultation)
        {
            return false;
        }

        if (at >= 0)
        {
            index.RemoveAt(at);
        }

        index.Add(consultation);
        index.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : string.CompareOrdinal(a.ConsultationId, b.ConsultationId));
        var concluded = index.Where(c => c.Status == ConsultationStatus.Concluded).ToList();
        foreach (var old in concluded.Take(Math.Max(0, concluded.Count - MaxConcluded)))
        {
            index.Remove(old);
        }

        return true;
    }
}
