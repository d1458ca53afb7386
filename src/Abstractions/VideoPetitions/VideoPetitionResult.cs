using Gongzhi.Cases;
using Gongzhi.Refusals;

namespace Gongzhi.VideoPetitions;

/// <summary>
/// The answer to a command on a video petition: the petition after it, or why not — a field at fault
/// (<see cref="Errors"/>, answered as 400), or a refusal with its <see cref="CommandOutcome"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("gongzhi.VideoPetitionResult")]
public sealed record VideoPetitionResult(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(4)] Refusal? Refusal,
    [property: Id(2)] IReadOnlyDictionary<string, string[]> Errors,
    [property: Id(3)] VideoPetitionSnapshot? Petition)
{
    public static VideoPetitionResult Ok(VideoPetitionSnapshot petition) => new(CommandOutcome.Ok, null, new Dictionary<string, string[]>(), petition);

    public static VideoPetitionResult Refused(CommandOutcome outcome, Refusal refusal) => new(outcome, refusal, new Dictionary<string, string[]>(), null);

    public static VideoPetitionResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(CommandOutcome.Conflict, Refusal.Of(RefusalCodes.InvalidFields, "Invalid fields."), errors, null);

    public bool IsInvalid => Errors.Count > 0;
}
