using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Gongzhi.Gateway.Auth;

/// <summary>
/// What staff ask to do to a resource, checked with <c>IAuthorizationService.AuthorizeAsync(user, resource, operation)</c>
/// by the handler of the resource's type (<see cref="CaseAuthorizationHandler"/> and its siblings).
/// </summary>
public static class StaffOperations
{
    // On a case (CaseAccess).
    public static readonly OperationAuthorizationRequirement SeeCase = new() { Name = nameof(SeeCase) };
    public static readonly OperationAuthorizationRequirement DispatchCase = new() { Name = nameof(DispatchCase) };
    public static readonly OperationAuthorizationRequirement ResolveCase = new() { Name = nameof(ResolveCase) };
    public static readonly OperationAuthorizationRequirement EscalateCase = new() { Name = nameof(EscalateCase) };
    public static readonly OperationAuthorizationRequirement TakeCase = new() { Name = nameof(TakeCase) };
    public static readonly OperationAuthorizationRequirement ReturnCase = new() { Name = nameof(ReturnCase) };
    public static readonly OperationAuthorizationRequirement AttachPhoto = new() { Name = nameof(AttachPhoto) };
    public static readonly OperationAuthorizationRequirement AskForVideoPetition = new() { Name = nameof(AskForVideoPetition) };

    // On a community (CommunityPlace).
    public static readonly OperationAuthorizationRequirement DispatchCommunity = new() { Name = nameof(DispatchCommunity) };

    // On a level's owner: a sub-district, department or county (LevelOwner).
    public static readonly OperationAuthorizationRequirement WatchLevel = new() { Name = nameof(WatchLevel) };

    // On a cadre (CadreAccess).
    public static readonly OperationAuthorizationRequirement ManageCadre = new() { Name = nameof(ManageCadre) };

    // On a video petition (VideoPetitionAccess).
    public static readonly OperationAuthorizationRequirement SeeVideoPetition = new() { Name = nameof(SeeVideoPetition) };
    public static readonly OperationAuthorizationRequirement AcceptVideoPetition = new() { Name = nameof(AcceptVideoPetition) };
    public static readonly OperationAuthorizationRequirement RecordVideoPetitionOutcome = new() { Name = nameof(RecordVideoPetitionOutcome) };
    public static readonly OperationAuthorizationRequirement CancelVideoPetition = new() { Name = nameof(CancelVideoPetition) };
    public static readonly OperationAuthorizationRequirement JoinVideoCall = new() { Name = nameof(JoinVideoCall) };

    // On a consultation (ConsultationAccess).
    public static readonly OperationAuthorizationRequirement SeeConsultation = new() { Name = nameof(SeeConsultation) };
    public static readonly OperationAuthorizationRequirement RecordMinutes = new() { Name = nameof(RecordMinutes) };
}
