namespace Gongzhi.Silo.Storage;

/// <summary>The names our grain state is stored under.</summary>
public static class StorageNames
{
    /// <summary>The grain storage provider for Gongzhi's own state (System.Text.Json, set on this provider only).</summary>
    public const string Gongzhi = "gongzhi";
}
