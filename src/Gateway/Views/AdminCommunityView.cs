namespace Gongzhi.Gateway.Views;

/// <summary>A community as the admin page shows it: where it sits, its cadres, the standing parties of its 7+X meetings.</summary>
public sealed record AdminCommunityView(
    string Id,
    string Name,
    string NameEn,
    string SubdistrictId,
    string CountyId,
    IReadOnlyList<AdminCadreView> Cadres,
    IReadOnlyList<ConsultationParty> StandingParties)
{
    public static AdminCommunityView From(CommunityInfo info, IReadOnlyList<CadreProfile> profiles, IReadOnlyList<RosterEntry> roster)
    {
        var duty = roster.ToDictionary(r => r.Id, StringComparer.Ordinal);
        return new(info.Id, info.Name, info.NameEn, info.SubdistrictId, info.CountyId,
            profiles.Select(p => AdminCadreView.From(p, duty.GetValueOrDefault(p.Id))).ToArray(), info.StandingParties);
    }
}
