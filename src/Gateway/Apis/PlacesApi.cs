using System.Globalization;
using Gongzhi.Gateway.Places;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Gongzhi.Gateway.Apis;

/// <summary>A community's places on the map (issue 15): its compounds' outlines and buildings as GeoJSON, and which compound a point is in.</summary>
public static class PlacesApi
{
    public const string GeoJsonType = "application/geo+json";

    public static IEndpointRouteBuilder MapPlacesApi(this IEndpointRouteBuilder app)
    {
        var places = app.MapGroup("/api/v1/communities/{communityId}/places").WithTags("Residents").AllowAnonymous()
            .Refuses(StatusCodes.Status404NotFound, RefusalCodes.CommunityNotFound);
        places.MapGet("", GetPlaces).WithName("GetPlaces")
            .WithSummary("The community's compounds (polygons) and buildings (points) as a GeoJSON FeatureCollection; cacheable by ETag")
            .Produces(StatusCodes.Status200OK, contentType: GeoJsonType).Produces(StatusCodes.Status304NotModified);
        places.MapGet("/locate", Locate).WithName("LocatePlace")
            .WithSummary("The compound, and the building near it, at a point (WGS 84 lat/long), as a suggestion for the submit form")
            .Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields)
            .Refuses(StatusCodes.Status422UnprocessableEntity, RefusalCodes.LocationOutsideCommunity);
        return app;
    }

    public static IResult GetPlaces(string communityId, HttpContext http, PlaceDirectory directory)
    {
        if (directory.Of(communityId) is not { } places)
        {
            return NoPlaces(communityId);
        }

        var headers = http.Response.GetTypedHeaders();
        headers.ETag = new EntityTagHeaderValue(places.ETag);
        // Places change only with a deployment: an hour's caching, revalidated by the ETag.
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromHours(1) };
        var asked = http.Request.GetTypedHeaders().IfNoneMatch;
        return asked.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(headers.ETag, useStrongComparison: false))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(places.GeoJson, GeoJsonType);
    }

    public static Results<Ok<LocatedPlace>, ValidationProblem, ProblemHttpResult> Locate(
        string communityId, [FromQuery] string? lat, [FromQuery(Name = "long")] string? longitude, PlaceDirectory directory)
    {
        if (directory.Of(communityId) is null)
        {
            return NoPlaces(communityId);
        }

        var errors = new Dictionary<string, string[]>();
        var latitude = Degrees(lat, "lat", 90, errors);
        var longitudeDegrees = Degrees(longitude, "long", 180, errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var point = new GeoPoint(latitude, longitudeDegrees);
        return directory.Locate(communityId, point) is { } match
            ? TypedResults.Ok(new LocatedPlace(match.Compound, match.Building))
            : Problems.OutsideCommunity(communityId, "lat,long");
    }

    /// <summary>A coordinate in degrees within ±<paramref name="limit"/>, or NaN with the field's error recorded.</summary>
    public static double Degrees(string? text, string field, double limit, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = ["Required: decimal degrees (WGS 84)."];
            return double.NaN;
        }

        if (text.Length > 32 || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            errors[field] = ["Must be a number of decimal degrees (WGS 84), like 35.7270."];
            return double.NaN;
        }

        if (Math.Abs(value) > limit)
        {
            errors[field] = [$"Must be within -{limit} and {limit} degrees."];
            return double.NaN;
        }

        return value;
    }

    private static ProblemHttpResult NoPlaces(string communityId) =>
        Problems.CommunityNotFound(communityId, $"There is no community '{communityId}' with places on the map.");
}

/// <summary>The compound at a point, and the building near it when one is (else null).</summary>
public sealed record LocatedPlace(string Compound, string? Building);
