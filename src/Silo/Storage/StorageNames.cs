namespace Gongzhi.Silo.Storage;

/// <summary>The names our grain state is stored under.</summary>
public static class StorageNames
{
    /// <summary>The grain storage provider for Gongzhi's own state (System.Text.Json, set on this provider only).</summary>
    public const string Gongzhi = "gongzhi";

    /// <summary>
    /// The table holding it (<see cref="GrainTableStorage"/>). Before that provider, Orleans' own wrote table
    /// <c>gongzhistate</c>, which is no longer read: a development store from then starts afresh (run.sh seeds again).
    /// </summary>
    public const string GrainTable = "gongzhigrains";

    /// <summary>The table Orleans' own provider keeps our state in when <c>Orleans:GrainStorage</c> is <c>AzureTable</c> (<see cref="AzureTableRows"/>).</summary>
    public const string OrleansGrainTable = "gongzhiorleansgrains";

    /// <summary>
    /// How a state's name says its rows share <see cref="SharedPartitions"/> partitions among all grains, so that new rows
    /// can be written many in one request (<see cref="BatchedWrites"/>); other states have a partition per grain.
    /// </summary>
    public const string SharedSuffix = "~shared";

    /// <summary>How many partitions the rows of a shared state are spread over; part of every such row's key, so it never changes.</summary>
    public const int SharedPartitions = 8;

    /// <summary>The name of <paramref name="stateName"/>'s rows kept in shared partitions.</summary>
    public static string Shared(string stateName) => stateName + SharedSuffix;

    public static bool IsShared(string stateName) => stateName.EndsWith(SharedSuffix, StringComparison.Ordinal);
}
