using Gongzhi.Cases;

namespace Gongzhi.Domain;

/// <summary>A compound on the map: its outline (a simple polygon, first point not repeated at the end) and its buildings' points.</summary>
public sealed record CompoundOutline(string Compound, IReadOnlyList<GeoPoint> Outline, IReadOnlyList<BuildingPoint> Buildings);

/// <summary>Where a building of a compound stands.</summary>
public sealed record BuildingPoint(string Building, GeoPoint Point);

/// <summary>The compound a point was matched to, and the building near it (null when none is near enough).</summary>
public sealed record PlaceFix(string Compound, string? Building);
