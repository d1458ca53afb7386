using Gongzhi.Cases;
using Gongzhi.Refusals;

namespace Gongzhi.Consultations;

/// <summary>
/// The answer to a command on a consultation: the consultation after it, or why not — fields at fault
/// (<see cref="Errors"/>, answered as 400), or a refusal with its <see cref="CommandOutcome"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("gongzhi.ConsultationResult")]
public sealed record ConsultationResult(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(4)] Refusal? Refusal,
    [property: Id(2)] IReadOnlyDictionary<string, string[]> Errors,
    [property: Id(3)] ConsultationSnapshot? Consultation)
{
    public static ConsultationResult Ok(ConsultationSnapshot consultation) => new(CommandOutcome.Ok, null, new Dictionary<string, string[]>(), consultation);

    public static ConsultationResult Refused(CommandOutcome outcome, Refusal refusal) => new(outcome, refusal, new Dictionary<string, string[]>(), null);

    public static ConsultationResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(CommandOutcome.Conflict, Refusal.Of(RefusalCodes.InvalidFields, "Invalid fields."), errors, null);

    public bool IsInvalid => Errors.Count > 0;
}
