namespace Gongzhi.Gateway.Apis;

/// <summary>
/// The longest text each kind of request field may carry, in UTF-16 code units, and the most items a list may hold.
/// Every route checks its body against these through <see cref="FieldChecks"/>; the silo's own rules check again.
/// </summary>
public static class TextLimits
{
    /// <summary>Ids and codes: a case, cadre, community or account id, a category, compound or building, a phone number, an ISO time.</summary>
    public const int Code = 64;

    /// <summary>A tracking token.</summary>
    public const int Token = 200;

    /// <summary>A person's name.</summary>
    public const int Name = 50;

    /// <summary>A short label: a role, place, office, topic.</summary>
    public const int Short = 200;

    /// <summary>A resident's comment on a step or a rating.</summary>
    public const int Comment = 1000;

    /// <summary>A note, reason, instruction, outcome or resolution written by staff or a resident.</summary>
    public const int Note = 2000;

    /// <summary>A URL, such as a resolution's photo.</summary>
    public const int Url = 500;

    /// <summary>A submission's description.</summary>
    public const int Description = 4000;

    /// <summary>A consultation's minutes.</summary>
    public const int Minutes = 20000;

    /// <summary>The most items a list in a body may hold (linked cases, invited parties, proposed slots).</summary>
    public const int Items = 50;

    /// <summary>
    /// The largest JSON body a route reads, in bytes: room for the longest minutes and resolution in Chinese (3 bytes a
    /// character in UTF-8). The submission keeps its own 64 KB (<see cref="SubmissionsApi.MaxBodyBytes"/>); a photo, 5 MB.
    /// </summary>
    public const int JsonBodyBytes = 128 * 1024;
}
