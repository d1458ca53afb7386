using System.Text.RegularExpressions;

namespace Gongzhi.Gateway.Apis;

/// <summary>
/// The paths photos are served at, each ending in an unguessable name (128 random bits and the type's extension): a case's
/// resolution photos under the case, a resident's submission photos under <c>/api/v1/photos</c>. Events keep these paths.
/// </summary>
public static partial class PhotoPaths
{
    /// <summary>At most this many photos go with one submission, and with one resolution.</summary>
    public const int MaxPerEvent = 3;

    public const string ResidentPrefix = "/api/v1/photos/";

    /// <summary>The blob folder of residents' uploads in the container <c>attachments</c> (a case's photos are under its id).</summary>
    public const string ResidentFolder = "submissions";

    public static string OfCase(string caseId, string name) => $"/api/v1/cases/{caseId}/photos/{name}";

    public static string OfResident(string name) => ResidentPrefix + name;

    /// <summary>Whether <paramref name="name"/> is one an upload gives: 32 hex digits, a dot and jpg, png or webp.</summary>
    public static bool IsName(string? name) => name is not null && Name().IsMatch(name);

    /// <summary>Whether <paramref name="path"/> is a photo uploaded for case <paramref name="caseId"/>.</summary>
    public static bool IsOfCase(string caseId, string path) =>
        path.StartsWith($"/api/v1/cases/{caseId}/photos/", StringComparison.Ordinal) && IsName(path[(path.LastIndexOf('/') + 1)..]);

    [GeneratedRegex("^[0-9a-f]{32}\\.(jpg|png|webp)$")]
    private static partial Regex Name();
}
