using Gongzhi.Cases;

namespace Gongzhi.Consultations;

/// <summary>
/// One 7+X consultation (key: a new consultation id). Convening tells each linked case and invites the
/// parties with staff accounts live; the minutes' resolution resolves the linked cases still unresolved.
/// </summary>
[Alias("gongzhi.IConsultationGrain")]
public interface IConsultationGrain : IGrainWithStringKey
{
    /// <summary>Convenes the meeting: validates it against the cases and the clock, records it on each case, sends the invitations.</summary>
    [Alias("Convene")]
    Task<ConsultationResult> ConveneAsync(ConsultationRequest request, CaseActor convener);

    /// <summary>The consultation, or null when none was convened under this id.</summary>
    [Alias("Get")]
    Task<ConsultationSnapshot?> GetAsync();

    /// <summary>Records the minutes and the agreed resolution and resolves the linked cases; the same minutes again answer the same report.</summary>
    [Alias("RecordMinutes")]
    Task<ConsultationResult> RecordMinutesAsync(string minutes, string resolution, CaseActor actor);
}
