using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Consultations;
using Gongzhi.VideoPetitions;

namespace Gongzhi.Gateway.Auth;

/// <summary>A case as authorization judges it: the case and its community (null when the community is unknown).</summary>
public sealed record CaseAccess(CaseSnapshot Case, CommunityInfo? Community);

/// <summary>The owner of a level: a sub-district, department or county leader's id, whose queue and petitions its officials see.</summary>
public sealed record LevelOwner(string Id);

/// <summary>A cadre and their community (null when it cannot be described).</summary>
public sealed record CadreAccess(string CadreId, CommunityInfo? Community);

/// <summary>A video petition, with its case and the case's community when staff ask to see it (else null).</summary>
public sealed record VideoPetitionAccess(VideoPetitionSnapshot Petition, CaseSnapshot? Case = null, CommunityInfo? Community = null);

/// <summary>A consultation and its community (null when unknown).</summary>
public sealed record ConsultationAccess(ConsultationSnapshot Consultation, CommunityInfo? Community);

public static class CommunityPlaces
{
    /// <summary>Where the community sits on the ladder, as the community rules read it.</summary>
    public static CommunityPlace Place(this CommunityInfo community) => new(community.Id, community.SubdistrictId, community.CountyId);
}
