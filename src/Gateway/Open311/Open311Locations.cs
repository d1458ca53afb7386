using System.Text.RegularExpressions;
using Gongzhi.Gateway.Places;

namespace Gongzhi.Gateway.Open311;

/// <summary>
/// Where a posted request is, as a place of the community: <c>address_id</c> (<c>compound</c> or
/// <c>compound/building</c>) first, else <c>lat</c>+<c>long</c> matched to a compound and building, else
/// <c>address_string</c> naming a compound in Chinese or English (and perhaps a building: 60号楼, 60栋, Building 60).
/// A point outside the community is refused whatever else is given. The building attribute fills in a building the
/// location left open; one that contradicts it is refused.
/// </summary>
public static class Open311Locations
{
    public static CaseLocation? Resolve(Open311Post post, CommunityInfo community, IPlaceDirectory places, Dictionary<string, string> faults)
    {
        PlaceMatch? located = null;
        if (post.Point is { } point && (located = places.Locate(community.Id, point)) is null)
        {
            faults["lat"] = $"The point ({point.Latitude}, {point.Longitude}) lies outside jurisdiction {community.Id} ({community.NameEn}).";
            return null;
        }

        (string Compound, string? Building)? place = post.AddressId is { } addressId ? ById(addressId, community, faults)
            : located is not null ? (located.Compound, located.Building)
            : post.AddressString is { } address ? ByName(address, community, faults)
            : null;
        if (place is not { } found)
        {
            return null;
        }

        var building = found.Building;
        if (post.Attributes.TryGetValue(Open311Services.Building, out var given))
        {
            if (building is not null && building != given)
            {
                faults[$"attribute[{Open311Services.Building}]"] = $"The location names building {building}, not {given}.";
                return null;
            }

            building = given;
        }

        post.Attributes.TryGetValue(Open311Services.Unit, out var unit);
        return new CaseLocation(found.Compound, building, unit, post.Point);
    }

    private static (string, string?)? ById(string addressId, CommunityInfo community, Dictionary<string, string> faults)
    {
        var parts = addressId.Split('/', 2, StringSplitOptions.TrimEntries);
        if (community.Compounds.All(c => c.Id != parts[0]))
        {
            faults["address_id"] = $"No compound '{parts[0]}' in {community.Id}; give compound or compound/building, e.g. {Example(community)}.";
            return null;
        }

        return (parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null);
    }

    private static (string, string?)? ByName(string address, CommunityInfo community, Dictionary<string, string> faults)
    {
        // The longest name found wins, so 吉市口佳苑东区 is not taken for a shorter name it contains.
        var match = community.Compounds
            .SelectMany(c => new[] { (Compound: c, Name: c.Name), (Compound: c, Name: c.NameEn) })
            .Where(n => n.Name.Length > 0 && address.Contains(n.Name, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(n => n.Name.Length)
            .FirstOrDefault();
        if (match.Compound is null)
        {
            faults["address_string"] = $"Names no compound of {community.Id}; it has: {string.Join(", ", community.Compounds.Select(c => $"{c.Name} ({c.NameEn})"))}.";
            return null;
        }

        var rest = address.Remove(address.IndexOf(match.Name, StringComparison.OrdinalIgnoreCase), match.Name.Length);
        var building = match.Compound.Buildings.FirstOrDefault(b => NamesBuilding(rest, b));
        return (match.Compound.Id, building);
    }

    // 60号楼, 60栋, 60幢, 60号 or Building 60, Bldg 60, #60; never the 1 inside 11.
    private static bool NamesBuilding(string text, string building)
    {
        var b = Regex.Escape(building);
        return Regex.IsMatch(text, $@"(?<![0-9A-Za-z]){b}\s*(号楼|栋|幢|号)|(building|bldg\.?|#)\s*{b}(?![0-9A-Za-z])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    private static string Example(CommunityInfo community) =>
        community.Compounds.FirstOrDefault() is { } c ? c.Buildings.Count > 0 ? $"{c.Id}/{c.Buildings[0]}" : c.Id : "compound/building";
}
