namespace Gongzhi.Cases;

/// <summary>
/// One step of a handling mode's workflow (马上办 WorkStarted; 领着办 AccompanimentArranged,
/// LedThroughConfirmed; 代为办 ConsentRecorded, DocumentsHandedOver, ResultHandedOver, ReceiptConfirmed),
/// with what the resident should read about it.
/// </summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CaseStep")]
public sealed record CaseStep(
    [property: Id(0)] CaseEventType Type,
    [property: Id(1)] string? Note);
