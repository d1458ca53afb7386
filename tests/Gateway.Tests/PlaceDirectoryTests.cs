using Gongzhi.Cases;
using Gongzhi.Gateway.Places;
using Gongzhi.Testing;

namespace Gongzhi.Gateway.Tests;

/// <summary>The places as the Open311 and map code ask for them (<see cref="IPlaceDirectory"/>), and the files it refuses to start with.</summary>
public sealed class PlaceDirectoryTests
{
    private static readonly PlaceDirectory Seeded = PlaceDirectory.Load(Path.Combine(RepoPaths.Seeds, "places"));

    // Building 9 of 吉市口佳苑西区 in seeds/places/ximen.geojson.
    private static readonly GeoPoint Building9 = new(35.7271, 116.48662);

    [Fact]
    public void A_point_in_Ximen_belongs_to_Ximen_and_one_across_town_to_no_community()
    {
        Assert.Equal("ximen", Seeded.CommunityAt(Building9));
        Assert.Null(Seeded.CommunityAt(new GeoPoint(35.7260, 116.5100)));
    }

    [Fact]
    public void Locate_names_the_community_compound_and_building()
    {
        Assert.Equal(new PlaceMatch("ximen", "jishikou-west", "9"), Seeded.Locate("ximen", Building9));
        Assert.Null(Seeded.Locate("nowhere", Building9));
    }

    [Fact]
    public void The_point_of_a_building_is_its_own_and_of_a_compound_inside_its_outline()
    {
        Assert.Equal(Building9, Seeded.PointOf("ximen", "jishikou-west", "9"));
        var centre = Seeded.PointOf("ximen", "jishikou-west", null)!;
        Assert.Equal("jishikou-west", Seeded.Locate("ximen", centre)!.Compound);
        Assert.Null(Seeded.PointOf("ximen", "no-such-compound", null));
        Assert.Null(Seeded.PointOf("nowhere", "jishikou-west", "9"));
    }

    private const string Compound = """{ "type": "Feature", "properties": { "kind": "compound", "compound": "c", "name": "丙", "nameEn": "C" }, "geometry": { "type": "Polygon", "coordinates": [[[116.48, 35.72], [116.49, 35.72], [116.49, 35.73], [116.48, 35.73], [116.48, 35.72]]] } }""";

    private static string Building(string compound, double lon, double lat) =>
        FormattableString.Invariant($$"""{ "type": "Feature", "properties": { "kind": "building", "compound": "{{compound}}", "building": "1" }, "geometry": { "type": "Point", "coordinates": [{{lon}}, {{lat}}] } }""");

    private static string Collection(params string[] features) => $$"""{ "type": "FeatureCollection", "features": [{{string.Join(", ", features)}}] }""";

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "{ not json", "not JSON" },
        { """{ "type": "Feature" }""", "not a GeoJSON FeatureCollection" },
        { Collection(Compound.Replace("[116.48, 35.72]]]", "[116.48, 35.725]]]", StringComparison.Ordinal)), "the ring must end where it starts" },
        { Collection(Compound.Replace("]]] }", "]], [[116.481, 35.721], [116.482, 35.721], [116.482, 35.722], [116.481, 35.721]]] }", StringComparison.Ordinal)), "one ring without holes" },
        { Collection(Compound.Replace("[116.49, 35.73]", "[116.49, 95.73]", StringComparison.Ordinal)), "latitude must be within ±90" },
        { Collection(Compound.Replace("\"nameEn\": \"C\"", "\"nameEn\": \"\"", StringComparison.Ordinal)), "properties.nameEn" },
        { Collection(Compound.Replace("\"kind\": \"compound\"", "\"kind\": \"park\"", StringComparison.Ordinal)), "must be \"compound\" or \"building\"" },
        { Collection(Compound, Building("c", 116.60, 35.72)), "building '1' lies outside" },
        { Collection(Compound, Building("d", 116.485, 35.725)), "names compound 'd', which has no outline" },
        { Collection(Compound, Compound), "outlined twice" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_places_file_is_refused_with_its_name_and_the_fault(string content, string fault)
    {
        var folder = Directory.CreateTempSubdirectory("gongzhi-places-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "ximen.geojson"), content);

            var refusal = Assert.Throws<InvalidOperationException>(() => PlaceDirectory.Load(folder));

            Assert.Contains("ximen.geojson cannot be used", refusal.Message);
            Assert.Contains(fault, refusal.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_missing_folder_is_refused_naming_the_setting()
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => PlaceDirectory.Load("/no/such/places"));

        Assert.Contains("Places:Directory", refusal.Message);
    }
}
