namespace Gongzhi.Silo.Extensions;

/// <summary>The grain storage provider behind <see cref="Storage.StorageNames.Gongzhi"/>, chosen by <c>Orleans:GrainStorage</c>.</summary>
public enum GrainStorageProvider
{
    /// <summary>Ours (<see cref="Storage.GrainTableStorage"/>): a row key unique per grain, which Azurite looks up fast.</summary>
    Gongzhi,

    /// <summary>Orleans' <c>AzureTableGrainStorage</c> (through <see cref="Storage.AzureTableRows"/>), the provider Orleans supports.</summary>
    AzureTable,
}
