namespace Gongzhi.Gateway.Open311;

/// <summary>
/// The spec's Service Discovery document: one production GeoReport v2 endpoint speaking XML and JSON. Its changeset is
/// when this build was made, the same on every gateway of a deployment; services change only with a deployment or an
/// admin's catalog edit, which clients see at the next changeset or on their next GET services.
/// </summary>
public static class Open311Discovery
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    private static readonly DateTimeOffset BuiltAt = File.GetLastWriteTimeUtc(typeof(Open311Discovery).Assembly.Location);

    /// <summary>The document, its times in the zone of <paramref name="timeZone"/> (the county's).</summary>
    public static Open311Node Document(string origin, string timeZone)
    {
        var changeset = Open311Times.Format(BuiltAt, timeZone);
        return Open311Node.Object("discovery",
            Open311Node.Text("changeset", changeset),
            Open311Node.Text("contact", "The county's administrator of Gongzhi (共治) issues api_keys, one per client."),
            Open311Node.Text("key_service", $"{origin}/admin"),
            Open311Node.List("endpoints", Open311Node.Object("endpoint",
                Open311Node.Text("specification", Specification),
                Open311Node.Text("url", $"{origin}/open311/v2"),
                Open311Node.Text("changeset", changeset),
                Open311Node.Text("type", "production"),
                Open311Node.List("formats", Open311Formats.MimeTypes.Select(m => Open311Node.Text("format", m))))));
    }
}
