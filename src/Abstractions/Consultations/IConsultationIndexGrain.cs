namespace Gongzhi.Consultations;

/// <summary>
/// The 7+X consultations of one community, sub-district or county (key: its id), upcoming and past, behind
/// <c>GET /api/v1/consultations?scope=</c>. Fed only by the consultations' outboxes: an upsert by id, so a
/// redelivery changes nothing.
/// </summary>
[Alias("gongzhi.IConsultationIndexGrain")]
public interface IConsultationIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds the consultation, or replaces what the index held of it.</summary>
    [Alias("Upsert")]
    Task UpsertAsync(ConsultationSummary consultation);

    /// <summary>The consultations, by meeting time.</summary>
    [Alias("Get")]
    Task<IReadOnlyList<ConsultationSummary>> GetAsync();
}
