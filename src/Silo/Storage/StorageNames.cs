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
}
