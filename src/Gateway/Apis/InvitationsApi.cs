using Gongzhi.Consultations;

namespace Gongzhi.Gateway.Apis;

/// <summary>
/// A staff member's invitations to 7+X consultations, stored per account (the token's subject), so one who was offline
/// when a meeting was convened finds it at the next sign-in. Each account sees and marks only its own.
/// </summary>
public static class InvitationsApi
{
    public static IEndpointRouteBuilder MapInvitationsApi(this IEndpointRouteBuilder app)
    {
        var invitations = app.MapGroup("/api/v1/invitations").WithTags("Consultations").RequireAuthorization(StaffRoles.StaffPolicy);
        invitations.MapGet("/", ListAsync).WithName("ListInvitations")
            .WithSummary("The signed-in account's invitations to 7+X consultations (its meetings), latest meeting first, with the unread count");
        var invitation = invitations.MapGroup("/{consultationId}").Refuses(StatusCodes.Status404NotFound, RefusalCodes.InvitationNotFound);
        invitation.MapPost("/read", MarkReadAsync).WithName("MarkInvitationRead").WithSummary("The signed-in party opened the invitation");
        invitation.MapPost("/acknowledge", AcknowledgeAsync).WithName("AcknowledgeInvitation").WithSummary("The signed-in party will attend");
        return app;
    }

    public static async Task<Ok<InvitationsView>> ListAsync(ClaimsPrincipal user, IClusterClient cluster) =>
        TypedResults.Ok(InvitationsView.From(Inbox(user, cluster) is { } inbox ? await inbox.GetAsync() : []));

    public static async Task<Results<Ok<InvitationEntry>, ProblemHttpResult>> MarkReadAsync(string consultationId, ClaimsPrincipal user, IClusterClient cluster) =>
        Answer(consultationId, Inbox(user, cluster) is { } inbox ? await inbox.MarkReadAsync(consultationId) : null);

    public static async Task<Results<Ok<InvitationEntry>, ProblemHttpResult>> AcknowledgeAsync(string consultationId, ClaimsPrincipal user, IClusterClient cluster) =>
        Answer(consultationId, Inbox(user, cluster) is { } inbox ? await inbox.AcknowledgeAsync(consultationId) : null);

    // Always the caller's own inbox; a token without a subject has none.
    private static IInvitationInboxGrain? Inbox(ClaimsPrincipal user, IClusterClient cluster) =>
        user.Subject() is { Length: > 0 } subject ? cluster.GetGrain<IInvitationInboxGrain>(subject) : null;

    private static Results<Ok<InvitationEntry>, ProblemHttpResult> Answer(string consultationId, InvitationEntry? entry) =>
        entry is null ? Problems.InvitationNotFound(consultationId) : TypedResults.Ok(entry);
}
