using System.Text.Json;
using System.Text.RegularExpressions;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Gateway.Apis;

namespace Gongzhi.Gateway.Intake;

/// <summary>
/// Reads and checks a submission field by field, so that every fault is reported against the field
/// that has it (<c>location.compound</c>, <c>contact.phone</c> …) and nothing is enqueued until all pass.
/// </summary>
public static partial class SubmissionValidator
{
    /// <summary>Checks the shape of the body; the result is null when any field is at fault.</summary>
    public static SubmitCaseRequest? Parse(JsonElement root, Dictionary<string, string[]> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors["body"] = ["The body must be a JSON object."];
            return null;
        }

        var communityId = Text(root, "communityId", errors, required: true, TextLimits.Code);
        var kindText = Text(root, "kind", errors, required: true, TextLimits.Code);
        CaseKind? kind = kindText switch
        {
            null => null,
            "suggestion" => CaseKind.Suggestion,
            "grievance" => CaseKind.Grievance,
            "service" => CaseKind.Service,
            _ => null,
        };
        if (kindText is not null && kind is null)
        {
            errors["kind"] = ["Must be one of: suggestion, grievance, service."];
        }

        var category = Text(root, "category", errors, required: true, TextLimits.Code);
        var description = Text(root, "description", errors, required: true, TextLimits.Description);
        var clientRequestId = Text(root, "clientRequestId", errors, required: false, 100);
        if (clientRequestId is not null && !ClientRequestIdPattern().IsMatch(clientRequestId))
        {
            errors["clientRequestId"] = ["Use letters, digits and - _ . : only."];
        }

        var location = Object(root, "location", errors);
        var compound = location is { } l ? Text(l, "compound", errors, required: true, TextLimits.Code, "location.") : null;
        var building = location is { } l2 ? Text(l2, "building", errors, required: false, TextLimits.Code, "location.") : null;
        var unit = location is { } l3 ? Text(l3, "unit", errors, required: false, TextLimits.Code, "location.") : null;
        var point = location is { } l4 ? Point(l4, errors) : null;

        var contact = Object(root, "contact", errors);
        var name = contact is { } c ? Text(c, "name", errors, required: true, TextLimits.Name, "contact.") : null;
        var phone = contact is { } c2 ? Text(c2, "phone", errors, required: true, TextLimits.Code, "contact.") : null;
        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            errors["contact.phone"] = ["Not a phone number: give a mobile number (11 digits starting with 1) or a landline with its area code."];
        }

        return errors.Count > 0
            ? null
            : new SubmitCaseRequest(communityId!, kind!.Value, category!, description!, new CaseLocation(compound!, building, unit, point), new ContactInfo(name!, phone!), clientRequestId);
    }

    /// <summary>Checks the category, compound and building against what the community lists.</summary>
    public static void CheckAgainst(SubmitCaseRequest request, CommunityInfo community, Dictionary<string, string[]> errors)
    {
        if (community.Categories.All(c => c.Id != request.Category))
        {
            errors["category"] = [$"Unknown category '{request.Category}'; the community lists: {string.Join(", ", community.Categories.Select(c => c.Id))}."];
        }

        var compound = community.Compounds.FirstOrDefault(c => c.Id == request.Location.Compound);
        if (compound is null)
        {
            errors["location.compound"] = [$"Unknown compound '{request.Location.Compound}' in {community.Id}."];
        }
        else if (request.Location.Building is { } building && compound.Buildings.Count > 0 && !compound.Buildings.Contains(building))
        {
            errors["location.building"] = [$"Compound {compound.Id} has no building '{building}'."];
        }
    }

    /// <summary>
    /// The optional <c>location.point</c>, <c>{ latitude, longitude }</c> in WGS 84 degrees (the shape the case views answer
    /// it in, <see cref="GeoPoint"/>), as the submit page's "use my location" sends it.
    /// </summary>
    private static GeoPoint? Point(JsonElement location, Dictionary<string, string[]> errors)
    {
        if (!location.TryGetProperty("point", out var point) || point.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (point.ValueKind != JsonValueKind.Object)
        {
            errors["location.point"] = ["Must be an object { latitude, longitude } in decimal degrees (WGS 84)."];
            return null;
        }

        var latitude = Degrees(point, "latitude", 90, errors);
        var longitude = Degrees(point, "longitude", 180, errors);
        return double.IsNaN(latitude) || double.IsNaN(longitude) ? null : new GeoPoint(latitude, longitude);
    }

    private static double Degrees(JsonElement point, string field, double limit, Dictionary<string, string[]> errors)
    {
        var path = "location.point." + field;
        if (!point.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.Number)
        {
            errors[path] = ["Required: a number of decimal degrees (WGS 84)."];
            return double.NaN;
        }

        // A JSON number too large for a double reads as infinity, refused with the rest of the range.
        if (!value.TryGetDouble(out var degrees) || !double.IsFinite(degrees) || Math.Abs(degrees) > limit)
        {
            errors[path] = [$"Must be within -{limit} and {limit} degrees."];
            return double.NaN;
        }

        return degrees;
    }

    private static JsonElement? Object(JsonElement parent, string field, Dictionary<string, string[]> errors)
    {
        if (!parent.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors[field] = ["Required."];
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors[field] = ["Must be an object."];
            return null;
        }

        return value;
    }

    private static string? Text(JsonElement parent, string field, Dictionary<string, string[]> errors, bool required, int maxLength, string prefix = "")
    {
        var path = prefix + field;
        if (!parent.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors[path] = ["Required."];
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors[path] = ["Must be a string."];
            return null;
        }

        // A lone surrogate (\ud800) is well-formed JSON but no text: GetString refuses it, and so does this field.
        string text;
        try
        {
            text = value.GetString()!.Trim();
        }
        catch (InvalidOperationException)
        {
            errors[path] = ["Not valid text: it holds a lone UTF-16 surrogate."];
            return null;
        }

        if (text.Length == 0)
        {
            if (required)
            {
                errors[path] = ["Required."];
            }

            return null;
        }

        if (text.Length > maxLength)
        {
            errors[path] = [$"At most {maxLength} characters; this has {text.Length}."];
            return null;
        }

        return text;
    }

    // Mainland mobile (optionally +86) or a landline with area code.
    [GeneratedRegex(@"^(?:(?:\+?86[- ]?)?1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.:\-]+$")]
    private static partial Regex ClientRequestIdPattern();
}
