namespace Gongzhi.Gateway.Views;

/// <summary>A cadre's own page: who they are, duty, load and the cases in their queue.</summary>
public sealed record CadrePage(
    string Id,
    string Name,
    string CommunityId,
    IReadOnlyList<string> Categories,
    bool OnDuty,
    int Load,
    IReadOnlyList<CaseView> Assignments);
