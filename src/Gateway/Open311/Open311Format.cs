namespace Gongzhi.Gateway.Open311;

/// <summary>
/// The format a client asks for by the resource's extension (<c>services.xml</c>, <c>services.json</c>). Any other
/// extension is answered 400 in XML, the format the spec requires every server to speak (docs/open311.md).
/// </summary>
public enum Open311Format
{
    Xml,
    Json,
}

public static class Open311Formats
{
    /// <summary>The MIME types the discovery document lists, in the order the formats are named.</summary>
    public static readonly IReadOnlyList<string> MimeTypes = ["text/xml", "application/json"];

    public static Open311Format? Parse(string? extension) => extension switch
    {
        "xml" => Open311Format.Xml,
        "json" => Open311Format.Json,
        _ => null,
    };
}
