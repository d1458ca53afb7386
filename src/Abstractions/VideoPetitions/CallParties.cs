namespace Gongzhi.VideoPetitions;

/// <summary>The two parties of a video petition's live call, as the hub and the petition's grain name them.</summary>
public static class CallParties
{
    /// <summary>The case's resident, admitted by its tracking token.</summary>
    public const string Resident = "resident";

    /// <summary>The official who accepted the petition.</summary>
    public const string Official = "official";
}
