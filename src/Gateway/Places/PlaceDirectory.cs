using System.Security.Cryptography;
using Gongzhi.Domain;

namespace Gongzhi.Gateway.Places;

/// <summary>
/// The places of every community, read once at start from <c>{communityId}.geojson</c> in the configured folder and never
/// changed while the gateway runs. A file that cannot be read stops the start with its name and the fault.
/// </summary>
public sealed class PlaceDirectory : IPlaceDirectory
{
    private readonly IReadOnlyDictionary<string, CommunityPlaces> _communities;

    private PlaceDirectory(IReadOnlyDictionary<string, CommunityPlaces> communities) => _communities = communities;

    /// <summary>The community's places as served: the file's bytes and their entity tag; null for a community without places.</summary>
    public CommunityPlaces? Of(string communityId) => _communities.GetValueOrDefault(communityId);

    /// <summary>Reads every <c>*.geojson</c> of the folder; a missing folder or a bad file is an <see cref="InvalidOperationException"/>.</summary>
    public static PlaceDirectory Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"Places: the folder '{folder}' does not exist (set Places:Directory, env Places__Directory).");
        }

        var communities = new Dictionary<string, CommunityPlaces>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.geojson").Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            try
            {
                var locator = new PlaceLocator(PlacesGeoJson.Read(bytes));
                var tag = $"\"{Convert.ToBase64String(SHA256.HashData(bytes)[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_')}\"";
                communities[Path.GetFileNameWithoutExtension(file)] = new CommunityPlaces(bytes, tag, locator);
            }
            catch (Exception ex) when (ex is InvalidDataException or ArgumentException)
            {
                throw new InvalidOperationException($"Places: {file} cannot be used: {ex.Message}", ex);
            }
        }

        return new PlaceDirectory(communities);
    }

    public PlaceMatch? Locate(string communityId, GeoPoint point) =>
        Of(communityId)?.Locator.Locate(point) is { } fix ? new PlaceMatch(communityId, fix.Compound, fix.Building) : null;

    public string? CommunityAt(GeoPoint point) =>
        _communities.Where(c => c.Value.Locator.Locate(point) is not null).Select(c => c.Key).Order(StringComparer.Ordinal).FirstOrDefault();

    public GeoPoint? PointOf(string communityId, string compound, string? building) => Of(communityId)?.Locator.PointOf(compound, building);
}

/// <summary>One community's places: the GeoJSON file as read, its strong entity tag, and the locator built from it.</summary>
public sealed record CommunityPlaces(byte[] GeoJson, string ETag, PlaceLocator Locator);
