using Gongzhi.Cases;
using Gongzhi.Domain;

namespace Gongzhi.Domain.Tests;

public sealed class PlaceLocatorTests
{
    // At 35.726° N one thousandth of a degree is ~111 m of latitude and ~90 m of longitude.
    private const double Lat0 = 35.7260;
    private const double Lon0 = 116.4850;
    private const double MetreLat = 0.001 / 111.2;
    private const double MetreLon = 0.001 / 90.2;

    // "east-gate": a 180 m square with buildings 1 (south-west part) and 2 (north-east part); "west-yard" 100 m to its west.
    private static readonly PlaceLocator Ximen = new(
    [
        new CompoundOutline("east-gate", Square(0, 0, 180), [new("1", At(40, 40)), new("2", At(140, 140))]),
        new CompoundOutline("west-yard", Square(-280, 0, 180), [new("A", At(-190, 90))]),
    ]);

    private static GeoPoint At(double eastMetres, double northMetres) => new(Lat0 + (northMetres * MetreLat), Lon0 + (eastMetres * MetreLon));

    private static GeoPoint[] Square(double east, double north, double side) =>
        [At(east, north), At(east + side, north), At(east + side, north + side), At(east, north + side)];

    [Fact]
    public void A_point_inside_a_compound_is_in_that_compound_at_its_nearest_building()
    {
        Assert.Equal(new PlaceFix("east-gate", "1"), Ximen.Locate(At(50, 30)));
        Assert.Equal(new PlaceFix("east-gate", "2"), Ximen.Locate(At(150, 120)));
        Assert.Equal(new PlaceFix("west-yard", "A"), Ximen.Locate(At(-200, 100)));
    }

    [Fact]
    public void A_point_in_a_compound_far_from_every_building_names_the_compound_but_no_building()
    {
        Assert.Equal(new PlaceFix("east-gate", null), Ximen.Locate(At(170, 10)));
    }

    [Fact]
    public void A_building_just_within_the_radius_is_suggested_and_one_just_beyond_is_not()
    {
        Assert.Equal("1", Ximen.Locate(At(40, 40 + PlaceLocator.BuildingRadiusMetres - 2))!.Building);
        Assert.Null(Ximen.Locate(At(40, 40 + PlaceLocator.BuildingRadiusMetres + 2))!.Building);
    }

    [Fact]
    public void Points_on_an_edge_or_a_corner_are_inside()
    {
        Assert.True(PlaceLocator.Contains(Square(0, 0, 180), At(90, 0)));
        Assert.True(PlaceLocator.Contains(Square(0, 0, 180), At(180, 90)));
        Assert.True(PlaceLocator.Contains(Square(0, 0, 180), At(0, 0)));
        Assert.True(PlaceLocator.Contains(Square(0, 0, 180), At(180, 180)));
    }

    [Fact]
    public void A_ray_through_a_vertex_does_not_count_twice()
    {
        // A diamond: the ray eastwards from a point level with its western and eastern corners passes through a vertex.
        GeoPoint[] diamond = [At(0, 100), At(100, 0), At(200, 100), At(100, 200)];

        Assert.True(PlaceLocator.Contains(diamond, At(50, 100)));
        Assert.False(PlaceLocator.Contains(diamond, At(-50, 100)));
        Assert.False(PlaceLocator.Contains(diamond, At(250, 100)));
    }

    [Fact]
    public void A_concave_outline_leaves_its_notch_outside()
    {
        // An L: the square's north-east quarter is cut out.
        GeoPoint[] l = [At(0, 0), At(200, 0), At(200, 100), At(100, 100), At(100, 200), At(0, 200)];

        Assert.True(PlaceLocator.Contains(l, At(150, 50)));
        Assert.True(PlaceLocator.Contains(l, At(50, 150)));
        Assert.False(PlaceLocator.Contains(l, At(150, 150)));
    }

    [Fact]
    public void A_fix_a_little_outside_a_compound_is_taken_as_that_compound_as_GPS_drifts_near_buildings()
    {
        Assert.Equal("east-gate", Ximen.Locate(At(180 + PlaceLocator.EdgeToleranceMetres - 5, 90))?.Compound);
        Assert.Equal("east-gate", Ximen.Locate(At(90, -20))?.Compound);
    }

    [Fact]
    public void Between_two_compounds_the_fix_goes_to_the_nearer_one()
    {
        // The gap between west-yard (ends at -100 m) and east-gate (starts at 0 m) is 100 m wide; move each test point 25 m off an edge.
        Assert.Equal("east-gate", Ximen.Locate(At(-25, 90))?.Compound);
        Assert.Equal("west-yard", Ximen.Locate(At(-75, 90))?.Compound);
    }

    [Fact]
    public void A_point_beyond_the_tolerance_of_every_compound_is_outside_the_community()
    {
        Assert.Null(Ximen.Locate(At(-50, 90)));
        Assert.Null(Ximen.Locate(At(180 + PlaceLocator.EdgeToleranceMetres + 5, 90)));
        Assert.Null(Ximen.Locate(new GeoPoint(39.9042, 116.4074))); // Beijing
    }

    [Fact]
    public void An_impossible_point_is_outside_rather_than_an_error()
    {
        Assert.Null(Ximen.Locate(new GeoPoint(double.NaN, Lon0)));
        Assert.Null(Ximen.Locate(new GeoPoint(Lat0, double.PositiveInfinity)));
        Assert.Null(Ximen.Locate(new GeoPoint(91, Lon0)));
    }

    [Fact]
    public void The_point_of_a_building_is_its_own_and_of_a_compound_its_centre()
    {
        Assert.Equal(At(140, 140), Ximen.PointOf("east-gate", "2"));
        var centre = Ximen.PointOf("east-gate", null)!;
        Assert.Equal(At(90, 90).Latitude, centre.Latitude, 6);
        Assert.Equal(At(90, 90).Longitude, centre.Longitude, 6);
        Assert.Equal(centre, Ximen.PointOf("east-gate", "no-such-building"));
        Assert.Null(Ximen.PointOf("no-such-compound", null));
    }

    [Fact]
    public void Outlines_that_cannot_be_right_are_refused_when_loaded()
    {
        var outside = Assert.Throws<ArgumentException>(() => new PlaceLocator([new CompoundOutline("c", Square(0, 0, 100), [new("9", At(300, 300))])]));
        Assert.Contains("building '9' lies outside", outside.Message);
        Assert.Throws<ArgumentException>(() => new PlaceLocator([new CompoundOutline("c", [At(0, 0), At(1, 1)], [])]));
        Assert.Throws<ArgumentException>(() => new PlaceLocator([new CompoundOutline("c", Square(0, 0, 100), []), new CompoundOutline("c", Square(200, 0, 100), [])]));
        Assert.Throws<ArgumentException>(() => new PlaceLocator([new CompoundOutline("c", [new(95, 0), new(0, 1), new(1, 1)], [])]));
    }

    [Fact]
    public void Haversine_distance_matches_a_known_length()
    {
        // One degree of latitude is ~111.2 km.
        Assert.Equal(111_195, GeoMath.DistanceMetres(new GeoPoint(35, 116), new GeoPoint(36, 116)), 0);
    }
}
