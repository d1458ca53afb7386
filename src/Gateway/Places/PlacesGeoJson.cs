using System.Text.Json;
using Gongzhi.Domain;

namespace Gongzhi.Gateway.Places;

/// <summary>
/// Reads a community's places GeoJSON (RFC 7946): a FeatureCollection of compound <c>Polygon</c>s
/// (<c>kind</c>, <c>compound</c>, <c>name</c>, <c>nameEn</c>) and building <c>Point</c>s (<c>kind</c>, <c>compound</c>,
/// <c>building</c>), positions as [longitude, latitude]. Anything else is an <see cref="InvalidDataException"/> naming where.
/// </summary>
public static class PlacesGeoJson
{
    public static IReadOnlyList<CompoundOutline> Read(ReadOnlySpan<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray());
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"not JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "type") != "FeatureCollection"
                || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("not a GeoJSON FeatureCollection with a features array");
            }

            var outlines = new List<(string Compound, GeoPoint[] Ring)>();
            var buildings = new List<(string Compound, BuildingPoint Building)>();
            var index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                var at = $"features[{index++}]";
                if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("properties", out var properties)
                    || properties.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("geometry", out var geometry)
                    || geometry.ValueKind != JsonValueKind.Object)
                {
                    throw new InvalidDataException($"{at}: a Feature needs properties and a geometry");
                }

                var compound = Required(properties, "compound", at);
                switch (Text(properties, "kind"))
                {
                    case "compound":
                        Required(properties, "name", at);
                        Required(properties, "nameEn", at);
                        outlines.Add((compound, Ring(Coordinates(geometry, "Polygon", at), at)));
                        break;
                    case "building":
                        var building = Required(properties, "building", at);
                        buildings.Add((compound, new BuildingPoint(building, Position(Coordinates(geometry, "Point", at), $"{at}.geometry.coordinates"))));
                        break;
                    default:
                        throw new InvalidDataException($"{at}.properties.kind: must be \"compound\" or \"building\"");
                }
            }

            var known = outlines.Select(o => o.Compound).ToHashSet(StringComparer.Ordinal);
            if (buildings.FirstOrDefault(b => !known.Contains(b.Compound)) is { Compound: not null } stray)
            {
                throw new InvalidDataException($"building '{stray.Building.Building}' names compound '{stray.Compound}', which has no outline");
            }

            return [.. outlines.Select(o => new CompoundOutline(o.Compound, o.Ring, [.. buildings.Where(b => b.Compound == o.Compound).Select(b => b.Building)]))];
        }
    }

    private static JsonElement Coordinates(JsonElement geometry, string type, string at)
    {
        if (Text(geometry, "type") != type || !geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{at}.geometry: must be a {type} with coordinates");
        }

        return coordinates;
    }

    // A polygon's one linear ring, closed as RFC 7946 demands; the closing position is dropped. Holes are not taken.
    private static GeoPoint[] Ring(JsonElement polygon, string at)
    {
        if (polygon.GetArrayLength() != 1)
        {
            throw new InvalidDataException($"{at}.geometry.coordinates: a compound is one ring without holes");
        }

        var ring = polygon[0];
        if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() < 4)
        {
            throw new InvalidDataException($"{at}.geometry.coordinates[0]: a ring needs at least 4 positions");
        }

        var positions = ring.EnumerateArray().Select((p, i) => Position(p, $"{at}.geometry.coordinates[0][{i}]")).ToArray();
        if (positions[0] != positions[^1])
        {
            throw new InvalidDataException($"{at}.geometry.coordinates[0]: the ring must end where it starts");
        }

        return positions[..^1];
    }

    private static GeoPoint Position(JsonElement position, string at)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() is < 2 or > 3
            || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
        {
            throw new InvalidDataException($"{at}: a position is [longitude, latitude]");
        }

        var point = new GeoPoint(position[1].GetDouble(), position[0].GetDouble());
        return GeoMath.IsValid(point) ? point : throw new InvalidDataException($"{at}: latitude must be within ±90 and longitude within ±180");
    }

    private static string Required(JsonElement properties, string name, string at) =>
        Text(properties, name) is { Length: > 0 } value ? value : throw new InvalidDataException($"{at}.properties.{name}: must be a non-empty string");

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
