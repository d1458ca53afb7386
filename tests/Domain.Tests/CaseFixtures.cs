using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Domain;

namespace Gongzhi.Domain.Tests;

/// <summary>Cases at a given point of their life, for the rule tests.</summary>
internal static class CaseFixtures
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Heating: utilities class, acknowledge within 2 h, resolve within 24 h, 10-minute offers, heating company above.</summary>
    public static readonly CaseTerms Terms = new("wenshang-subdistrict", "wenshang", "heating", TimeSpan.FromHours(2), TimeSpan.FromHours(24), TimeSpan.FromMinutes(10));

    public static CaseSubmission Submission(string caseId = "c1") =>
        new(caseId, "ximen", CaseKind.Service, "heating", "暖气不热", new CaseLocation("huiqian-xinyuan", "A", null),
            new ContactInfo("李福", "13800000000"), null, T0);

    public static Assignment AssignTo(string cadre, DateTimeOffset? at = null) => new("c1", cadre, cadre.ToUpperInvariant(), at ?? T0.AddSeconds(2));

    public static CaseRecord Accepted(HandlingMode mode = HandlingMode.DoItNow, CaseTerms? terms = null)
    {
        var record = new CaseRecord();
        CaseLifecycle.Submit(record, Submission(), mode, terms ?? Terms, T0);
        return record;
    }

    public static CaseRecord Assigned(string cadre = "wang", HandlingMode mode = HandlingMode.DoItNow, CaseTerms? terms = null)
    {
        var record = Accepted(mode, terms);
        CaseLifecycle.Assign(record, AssignTo(cadre));
        return record;
    }

    public static CaseRecord Acknowledged(string cadre = "wang", HandlingMode mode = HandlingMode.DoItNow, CaseTerms? terms = null)
    {
        var record = Assigned(cadre, mode, terms);
        CaseLifecycle.Acknowledge(record, cadre, T0.AddMinutes(1));
        return record;
    }

    public static CaseRecord Resolved(string cadre = "wang")
    {
        var record = Acknowledged(cadre);
        CaseLifecycle.Resolve(record, CaseActor.Cadre(cadre), "修好了", null, T0.AddHours(1));
        return record;
    }

    public static IEnumerable<CaseEventType> Types(this CaseTransition t) => t.Events.Select(e => e.Type);
}
