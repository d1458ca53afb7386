using System.Globalization;

namespace Gongzhi.Gateway.Open311;

/// <summary>
/// Times as GeoReport v2 writes them: ISO 8601 to the second with the offset of the community's time zone (Wenshang:
/// +08:00), so a client shows the county's local time without knowing the zone. Read with <see cref="Apis.IsoTimes"/>.
/// </summary>
public static class Open311Times
{
    public static string Format(DateTimeOffset? at, CommunityInfo community) => Format(at, community.TimeZone);

    public static string Format(DateTimeOffset? at, string timeZone)
    {
        if (at is not { } instant)
        {
            return "";
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
