namespace Gongzhi.Consultations;

/// <summary>
/// A staff account's stored invitations to 7+X consultations (key: the account id, a token's subject), so a
/// party offline when a meeting was convened finds it at their next sign-in. A new invitation is also pushed
/// live (<c>invitation</c> to the account's SignalR group).
/// </summary>
[Alias("gongzhi.IInvitationInboxGrain")]
public interface IInvitationInboxGrain : IGrainWithStringKey
{
    /// <summary>Keeps the invitation (or brings its meeting up to date, keeping read and acknowledged); pushes only a new one.</summary>
    [Alias("Deliver")]
    Task DeliverAsync(ConsultationSummary consultation, DateTimeOffset invitedAt);

    /// <summary>The invitations, newest meeting first.</summary>
    [Alias("Get")]
    Task<IReadOnlyList<InvitationEntry>> GetAsync();

    /// <summary>The party opened the invitation; null when there is none to this consultation.</summary>
    [Alias("MarkRead")]
    Task<InvitationEntry?> MarkReadAsync(string consultationId);

    /// <summary>The party will attend (read as well); null when there is none to this consultation.</summary>
    [Alias("Acknowledge")]
    Task<InvitationEntry?> AcknowledgeAsync(string consultationId);
}
