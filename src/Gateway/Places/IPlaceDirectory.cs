using Gongzhi.Cases;

namespace Gongzhi.Gateway.Places;

/// <summary>
/// The communities' places on the map (issue 15): each compound's outline and its buildings' points, from the places
/// GeoJSON of each community. Answers which compound and building a point lies in, and where a compound or building is.
/// </summary>
public interface IPlaceDirectory
{
    /// <summary>The compound (and building, when one is near) of <paramref name="communityId"/> at the point; null when the point lies outside the community.</summary>
    PlaceMatch? Locate(string communityId, GeoPoint point);

    /// <summary>The community whose compounds hold the point, or null.</summary>
    string? CommunityAt(GeoPoint point);

    /// <summary>The building's point, else the compound's centre; null when the place has no coordinates.</summary>
    GeoPoint? PointOf(string communityId, string compound, string? building);
}

/// <summary>A point matched to a place of a community.</summary>
public sealed record PlaceMatch(string CommunityId, string Compound, string? Building);
