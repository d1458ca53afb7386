namespace Gongzhi.Consultations;

/// <summary>
/// One invitation kept in a staff account's inbox: the meeting (its summary, brought up to date as the meeting
/// moves on), when it arrived, and whether the party has opened it and said they will attend.
/// </summary>
[GenerateSerializer, Immutable, Alias("gongzhi.InvitationEntry")]
public sealed record InvitationEntry(
    [property: Id(0)] ConsultationSummary Consultation,
    [property: Id(1)] DateTimeOffset InvitedAt,
    [property: Id(2)] DateTimeOffset? ReadAt,
    [property: Id(3)] DateTimeOffset? AcknowledgedAt);
