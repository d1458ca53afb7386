using Gongzhi.Silo.Extensions;

namespace Gongzhi.Silo.Tests;

/// <summary>A <see cref="PersistentClusterFixture"/> whose grain state goes through Orleans' own AzureTableGrainStorage.</summary>
public sealed class AzureTableClusterFixture : PersistentClusterFixture
{
    protected override GrainStorageProvider Provider => GrainStorageProvider.AzureTable;
}
