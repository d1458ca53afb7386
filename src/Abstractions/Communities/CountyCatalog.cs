namespace Gongzhi.Communities;

/// <summary>The categories a county takes and the SLA classes they refer to; every community of the county uses them.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CountyCatalog")]
public sealed record CountyCatalog(
    [property: Id(0)] string CountyId,
    [property: Id(1)] IReadOnlyList<CategoryInfo> Categories,
    [property: Id(2)] IReadOnlyList<SlaClassInfo> SlaClasses);
