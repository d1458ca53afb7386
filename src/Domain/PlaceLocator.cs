using Gongzhi.Cases;

namespace Gongzhi.Domain;

/// <summary>
/// Matches a point (a phone's GPS fix, an Open311 <c>lat</c>/<c>long</c>) to a compound of one community and the building
/// nearest it. A point inside an outline (or on its edge) is in that compound; a point just outside every outline, within
/// <see cref="EdgeToleranceMetres"/>, is taken as the nearest compound's, since a phone's fix is often that far off near
/// buildings; beyond that it is outside the community.
/// </summary>
public sealed class PlaceLocator
{
    /// <summary>How far outside an outline a point still counts as that compound's: a phone's GPS error near buildings.</summary>
    public const double EdgeToleranceMetres = 30;

    /// <summary>How near a building a point must be for the building to be suggested.</summary>
    public const double BuildingRadiusMetres = 60;

    // Within this, a point counts as on the edge (floating-point slack of ray casting at the boundary).
    private const double OnEdgeMetres = 0.01;

    private readonly IReadOnlyList<CompoundOutline> _compounds;

    /// <summary>Checks the outlines: each a polygon of valid points, compounds and buildings unique, each building inside its compound.</summary>
    public PlaceLocator(IReadOnlyList<CompoundOutline> compounds)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var compound in compounds)
        {
            if (!ids.Add(compound.Compound))
            {
                throw new ArgumentException($"Compound '{compound.Compound}' is outlined twice.", nameof(compounds));
            }

            if (compound.Outline.Count < 3 || compound.Outline.Any(p => !GeoMath.IsValid(p)))
            {
                throw new ArgumentException($"Compound '{compound.Compound}': an outline needs at least 3 valid points (latitude ±90, longitude ±180).", nameof(compounds));
            }

            var buildings = new HashSet<string>(StringComparer.Ordinal);
            foreach (var building in compound.Buildings)
            {
                if (!buildings.Add(building.Building))
                {
                    throw new ArgumentException($"Compound '{compound.Compound}': building '{building.Building}' is placed twice.", nameof(compounds));
                }

                if (!GeoMath.IsValid(building.Point) || !Contains(compound.Outline, building.Point))
                {
                    throw new ArgumentException($"Compound '{compound.Compound}': building '{building.Building}' lies outside the compound's outline.", nameof(compounds));
                }
            }
        }

        _compounds = compounds;
    }

    public IReadOnlyList<CompoundOutline> Compounds => _compounds;

    /// <summary>The compound and nearby building at the point, or null when the point is outside the community.</summary>
    public PlaceFix? Locate(GeoPoint point)
    {
        if (!GeoMath.IsValid(point))
        {
            return null;
        }

        var compound = _compounds.FirstOrDefault(c => Contains(c.Outline, point))
            ?? _compounds
                .Select(c => (Compound: c, Distance: DistanceToOutlineMetres(c.Outline, point)))
                .Where(c => c.Distance <= EdgeToleranceMetres)
                .OrderBy(c => c.Distance)
                .Select(c => c.Compound)
                .FirstOrDefault();
        if (compound is null)
        {
            return null;
        }

        var building = compound.Buildings
            .Select(b => (b.Building, Distance: GeoMath.DistanceMetres(point, b.Point)))
            .Where(b => b.Distance <= BuildingRadiusMetres)
            .OrderBy(b => b.Distance)
            .Select(b => b.Building)
            .FirstOrDefault();
        return new PlaceFix(compound.Compound, building);
    }

    /// <summary>Whether the point lies inside the outline or on its edge (ray casting along the parallel, eastwards).</summary>
    public static bool Contains(IReadOnlyList<GeoPoint> outline, GeoPoint point)
    {
        if (DistanceToOutlineMetres(outline, point) <= OnEdgeMetres)
        {
            return true;
        }

        var inside = false;
        for (int i = 0, j = outline.Count - 1; i < outline.Count; j = i++)
        {
            GeoPoint a = outline[i], b = outline[j];
            // Half-open in latitude, so a ray through a vertex counts the two edges meeting there once.
            if ((a.Latitude > point.Latitude) != (b.Latitude > point.Latitude))
            {
                var crossing = a.Longitude + ((point.Latitude - a.Latitude) / (b.Latitude - a.Latitude) * (b.Longitude - a.Longitude));
                if (point.Longitude < crossing)
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }

    /// <summary>The distance in metres from the point to the nearest edge of the outline.</summary>
    public static double DistanceToOutlineMetres(IReadOnlyList<GeoPoint> outline, GeoPoint point)
    {
        var nearest = double.PositiveInfinity;
        for (int i = 0, j = outline.Count - 1; i < outline.Count; j = i++)
        {
            nearest = Math.Min(nearest, GeoMath.DistanceToSegmentMetres(point, outline[j], outline[i]));
        }

        return nearest;
    }

    /// <summary>The building's point, else the outline's centre (the mean of its corners); null for a compound not outlined.</summary>
    public GeoPoint? PointOf(string compound, string? building)
    {
        var outline = _compounds.FirstOrDefault(c => c.Compound == compound);
        if (outline is null)
        {
            return null;
        }

        return outline.Buildings.FirstOrDefault(b => b.Building == building)?.Point
            ?? new GeoPoint(outline.Outline.Average(p => p.Latitude), outline.Outline.Average(p => p.Longitude));
    }
}
