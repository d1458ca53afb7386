using System.Globalization;
using Gongzhi.Gateway.Apis;
using Microsoft.Extensions.Primitives;

namespace Gongzhi.Gateway.Open311;

/// <summary>A POSTed service request as the form gave it, each field trimmed; null where it was not given.</summary>
public sealed record Open311Post(
    string? JurisdictionId,
    string? ServiceCode,
    GeoPoint? Point,
    string? AddressString,
    string? AddressId,
    IReadOnlyDictionary<string, string> Attributes,
    string? Description,
    string? FirstName,
    string? LastName,
    string? Phone,
    string? Email,
    string? DeviceId,
    string? AccountId,
    string? MediaUrl);

/// <summary>
/// Reads the form-encoded body of <c>POST requests</c>: every fault is named by its form field (<c>lat</c>,
/// <c>attribute[kind]</c>, …) and nothing is taken until all pass. Unknown fields are ignored, as the spec lets servers do.
/// </summary>
public static class Open311Form
{
    public const int MaxBodyBytes = 64 * 1024;

    public static Open311Post? Parse(IFormCollection form, Dictionary<string, string> faults)
    {
        string? Field(string name, int max)
        {
            var values = form[name];
            if (values.Count > 1)
            {
                faults[name] = "Give it once.";
                return null;
            }

            var text = values.ToString().Trim();
            if (text.Length > max)
            {
                faults[name] = $"At most {max} characters; this has {text.Length}.";
                return null;
            }

            return text.Length == 0 ? null : text;
        }

        var point = Point(Field("lat", 40), Field("long", 40), faults);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in form)
        {
            if (key.StartsWith("attribute[", StringComparison.Ordinal) && key.EndsWith(']') && Field(key, TextLimits.Code) is { } value)
            {
                attributes[key["attribute[".Length..^1]] = value;
            }
        }

        var mediaUrl = Field("media_url", TextLimits.Url);
        if (mediaUrl is not null && !(Uri.TryCreate(mediaUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            faults["media_url"] = "Must be an absolute http or https URL.";
        }

        var post = new Open311Post(
            Field("jurisdiction_id", TextLimits.Code), Field("service_code", TextLimits.Code), point,
            Field("address_string", TextLimits.Short), Field("address_id", TextLimits.Short), attributes,
            Field("description", TextLimits.Description), Field("first_name", TextLimits.Name), Field("last_name", TextLimits.Name),
            Field("phone", TextLimits.Code), Field("email", TextLimits.Short), Field("device_id", TextLimits.Short),
            Field("account_id", TextLimits.Short), mediaUrl);
        if (post.ServiceCode is null && !faults.ContainsKey("service_code"))
        {
            faults["service_code"] = "Required: one of the codes GET services lists.";
        }

        if (post.Point is null && post.AddressString is null && post.AddressId is null && !faults.ContainsKey("lat") && !faults.ContainsKey("long"))
        {
            faults["lat"] = "A location is required: lat and long, or address_string, or address_id.";
        }

        return faults.Count == 0 ? post : null;
    }

    private static GeoPoint? Point(string? lat, string? lon, Dictionary<string, string> faults)
    {
        if (lat is null && lon is null)
        {
            return null;
        }

        var latitude = Degrees(lat, "lat", 90, faults);
        var longitude = Degrees(lon, "long", 180, faults);
        return latitude is { } a && longitude is { } b ? new GeoPoint(a, b) : null;
    }

    private static double? Degrees(string? text, string field, double limit, Dictionary<string, string> faults)
    {
        if (text is null)
        {
            faults[field] = "Give lat and long together.";
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || Math.Abs(value) > limit)
        {
            faults[field] = $"Not a WGS 84 coordinate: a decimal number of degrees between -{limit} and {limit}.";
            return null;
        }

        return value;
    }

    /// <summary>The form, or why it cannot be read (not a form, too large, malformed): a fault of the client, never a 5xx.</summary>
    public static async Task<(IFormCollection? Form, string? Fault)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, $"The body is larger than {MaxBodyBytes} bytes.");
        }

        if (!request.HasFormContentType)
        {
            return (null, "Send the request form-encoded (Content-Type: application/x-www-form-urlencoded).");
        }

        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException or InvalidOperationException)
        {
            return (null, $"The form cannot be read: {ex.Message}");
        }
    }

    /// <summary>The header's single value of at most 200 characters, else null.</summary>
    public static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out StringValues values) && values.Count == 1 && values[0] is { Length: > 0 and <= 200 } value ? value : null;
}
