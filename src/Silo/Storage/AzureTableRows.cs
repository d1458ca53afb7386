using Azure.Data.Tables;
using Gongzhi.Silo.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Gongzhi.Silo.Storage;

/// <summary>
/// Orleans' own <c>AzureTableGrainStorage</c> as our provider <see cref="StorageNames.Gongzhi"/> (<c>Orleans:GrainStorage</c>
/// = <c>AzureTable</c>), in table <see cref="StorageNames.OrleansGrainTable"/> with our serializer. One difference is
/// bridged here: asked to clear a row without an ETag, Orleans does nothing, where a chunk dropped by a
/// <see cref="ChunkedStore{TMain, TItem, TChunk}"/> (never read by this activation) means "delete whatever is there";
/// this reads the row's ETag first, then deletes it.
/// </summary>
internal sealed class AzureTableRows(IGrainStorage orleans) : IGrainStorage
{
    /// <summary>The name Orleans' provider is registered under; grains only see <see cref="StorageNames.Gongzhi"/>.</summary>
    public const string InnerName = "gongzhi-azuretable";

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        orleans.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        orleans.WriteStateAsync(stateName, grainId, grainState);

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is null)
        {
            var stored = new GrainState<T>();
            await orleans.ReadStateAsync(stateName, grainId, stored);
            grainState.ETag = stored.ETag;
        }

        await orleans.ClearStateAsync(stateName, grainId, grainState);
    }

    /// <summary>Registers Orleans' table provider under <see cref="InnerName"/> and this bridge as <see cref="StorageNames.Gongzhi"/>.</summary>
    public static ISiloBuilder Add(ISiloBuilder silo, TableServiceClient tables)
    {
        silo.AddAzureTableGrainStorage(InnerName, table =>
        {
            table.TableServiceClient = tables;
            table.TableName = StorageNames.OrleansGrainTable;
            table.DeleteStateOnClear = true;
            table.GrainStorageSerializer = SiloExtensions.CreateStateSerializer();
        });
        silo.Services.AddGrainStorage(StorageNames.Gongzhi, (sp, _) => new AzureTableRows(sp.GetRequiredKeyedService<IGrainStorage>(InnerName)));
        return silo;
    }
}
