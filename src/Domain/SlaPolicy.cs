using Gongzhi.Cases;
using Gongzhi.Communities;

namespace Gongzhi.Domain;

/// <summary>Turns a community's categories and SLA classes into the deadlines a new case must meet, so every case of a kind is held to the same promise.</summary>
public static class SlaPolicy
{
    public static CaseTerms TermsFor(CommunityInfo community, CategoryInfo category, CaseKind kind)
    {
        var classId = category.SlaClassByKind.TryGetValue(kind, out var byKind) ? byKind : category.SlaClass;
        var sla = community.SlaClasses.FirstOrDefault(c => c.Id == classId)
            ?? throw new InvalidDataException(
                $"Category '{category.Id}' of community '{community.Id}' refers to SLA class '{classId}', which the community does not define.");
        return new CaseTerms(
            community.SubdistrictId, community.CountyId, category.DepartmentId,
            sla.AcknowledgeWithin, sla.ResolveWithin, category.OfferWindow);
    }

    public static DateTimeOffset Due(DateTimeOffset from, TimeSpan within) => from + within;

    /// <summary>Negative once the deadline has passed, so a board can show how long a case is overdue.</summary>
    public static TimeSpan Remaining(DateTimeOffset deadline, DateTimeOffset now) => deadline - now;
}
