using Gongzhi.Cases;

namespace Gongzhi.Domain;

/// <summary>Distances on the earth for places a few hundred metres across: haversine between points, a local flat projection for edges.</summary>
public static class GeoMath
{
    public const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>The great-circle distance in metres.</summary>
    public static double DistanceMetres(GeoPoint a, GeoPoint b)
    {
        var dLat = Radians(b.Latitude - a.Latitude);
        var dLon = Radians(b.Longitude - a.Longitude);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(Radians(a.Latitude)) * Math.Cos(Radians(b.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>
    /// The distance in metres from the point to the segment a–b, on a flat map centred on the point (equirectangular):
    /// within a compound's few hundred metres its error is far below GPS error.
    /// </summary>
    public static double DistanceToSegmentMetres(GeoPoint point, GeoPoint a, GeoPoint b)
    {
        var scaleX = Radians(1) * EarthRadiusMetres * Math.Cos(Radians(point.Latitude));
        var scaleY = Radians(1) * EarthRadiusMetres;
        double ax = (a.Longitude - point.Longitude) * scaleX, ay = (a.Latitude - point.Latitude) * scaleY;
        double bx = (b.Longitude - point.Longitude) * scaleX, by = (b.Latitude - point.Latitude) * scaleY;
        double dx = bx - ax, dy = by - ay;
        var lengthSquared = (dx * dx) + (dy * dy);
        var t = lengthSquared == 0 ? 0 : Math.Clamp(-((ax * dx) + (ay * dy)) / lengthSquared, 0, 1);
        double cx = ax + (t * dx), cy = ay + (t * dy);
        return Math.Sqrt((cx * cx) + (cy * cy));
    }

    /// <summary>Whether the point is a valid WGS 84 position: finite, latitude within ±90, longitude within ±180.</summary>
    public static bool IsValid(GeoPoint point) =>
        double.IsFinite(point.Latitude) && double.IsFinite(point.Longitude)
        && Math.Abs(point.Latitude) <= 90 && Math.Abs(point.Longitude) <= 180;

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
