using Microsoft.Extensions.DependencyInjection;
using Gongzhi.Consultations;
using Gongzhi.Domain;
using Gongzhi.Realtime;
using Gongzhi.Silo.Extensions;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// One staff account's invitations, stored before anything is pushed: a new one is then pushed live to the account's
/// connections (best effort; the inbox is what counts). Calls go to the registry only.
/// </summary>
internal sealed class InvitationInboxGrain(
    GrainStates states,
    [FromKeyedServices(Clocks.Domain)] TimeProvider time) : Grain, IInvitationInboxGrain
{
    private readonly StoredState<InvitationInboxState> _stored = states.For<InvitationInboxState>("invitations");

    private List<InvitationEntry> Inbox => _stored.State.Invitations;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _stored.ReadAsync();

    public async Task DeliverAsync(ConsultationSummary consultation, DateTimeOffset invitedAt)
    {
        var (changed, isNew) = InvitationInboxRules.Deliver(Inbox, consultation, invitedAt);
        if (changed)
        {
            await _stored.WriteAsync();
        }

        if (isNew)
        {
            await GrainFactory.GetGrain<IDispatchRegistryGrain>(0).PublishInvitationAsync(
                new Invitation(consultation.ConsultationId, consultation.Topic, consultation.Time, consultation.Place, this.GetPrimaryKeyString()));
        }
    }

    public Task<IReadOnlyList<InvitationEntry>> GetAsync() => Task.FromResult(InvitationInboxRules.Listed(Inbox));

    public Task<InvitationEntry?> MarkReadAsync(string consultationId) =>
        StoreAsync(InvitationInboxRules.MarkRead(Inbox, consultationId, time.GetUtcNow()));

    public Task<InvitationEntry?> AcknowledgeAsync(string consultationId) =>
        StoreAsync(InvitationInboxRules.Acknowledge(Inbox, consultationId, time.GetUtcNow()));

    private async Task<InvitationEntry?> StoreAsync((InvitationEntry? Entry, bool Changed) marked)
    {
        if (marked.Changed)
        {
            await _stored.WriteAsync();
        }

        return marked.Entry;
    }
}
