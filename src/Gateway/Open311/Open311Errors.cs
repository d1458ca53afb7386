namespace Gongzhi.Gateway.Open311;

/// <summary>
/// The spec's error list: <c>&lt;errors&gt;&lt;error&gt;&lt;code/&gt;&lt;description/&gt;&lt;/error&gt;&lt;/errors&gt;</c>, or a JSON array of
/// <c>{code, description}</c>; the code is the HTTP status, and a description names the field at fault first.
/// </summary>
public static class Open311Errors
{
    public static Open311Result Of(Open311Format format, int status, params IEnumerable<string> descriptions) =>
        new(Open311Node.List("errors", descriptions.Select(d => Open311Node.Object("error",
            Open311Node.Text("code", status.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Open311Node.Text("description", d)))), format, status);

    /// <summary>400: one entry per field at fault, each starting with the field's name.</summary>
    public static Open311Result Invalid(Open311Format format, IReadOnlyDictionary<string, string> faults) =>
        Of(format, StatusCodes.Status400BadRequest, faults.Select(f => $"{f.Key}: {f.Value}"));

    public static Open311Result Invalid(Open311Format format, string field, string message) =>
        Of(format, StatusCodes.Status400BadRequest, $"{field}: {message}");

    public static Open311Result NotFound(Open311Format format, string description) => Of(format, StatusCodes.Status404NotFound, description);

    /// <summary>The extension is neither xml nor json: answered in XML, which every GeoReport v2 server speaks.</summary>
    public static Open311Result UnknownFormat(string? extension) =>
        Invalid(Open311Format.Xml, "format", $"Unknown format '{extension}'; use .xml or .json.");

    /// <summary>The api_key's check failed: 400 missing, 403 unknown or revoked, 429 with Retry-After over the client's limit.</summary>
    public static Open311Result Key(Open311Format format, ApiKeyCheck check) => check.Outcome switch
    {
        ApiKeyOutcome.Missing => Invalid(format, "api_key", "Required to post a service request; the administrator issues one per client."),
        ApiKeyOutcome.Revoked => Of(format, StatusCodes.Status403Forbidden, "api_key: This key was revoked."),
        ApiKeyOutcome.TooManyRequests => new(Of(format, StatusCodes.Status429TooManyRequests,
            "api_key: Too many requests for this client; try again after the time in Retry-After.").Body, format, StatusCodes.Status429TooManyRequests, check.RetryAfter ?? TimeSpan.FromMinutes(1)),
        _ => Of(format, StatusCodes.Status403Forbidden, "api_key: Not a key issued here."),
    };
}
