using Gongzhi.Communities;
using Gongzhi.Consultations;
using Gongzhi.Gateway.Auth;
using Gongzhi.Gateway.Intake;
using Gongzhi.Gateway.Telemetry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Gongzhi.Gateway.Realtime;

/// <summary>
/// The live channel. Boards watch a community, residents watch their case by token, a cadre is joined
/// to their own group on connect. Joins are checked by the same authorization handlers as the REST routes; the pushes come
/// from <see cref="HubDispatchObserver"/>. The video petitions' calls are in <c>DispatchHub.Calls.cs</c>.
/// </summary>
public sealed partial class DispatchHub(
    IClusterClient cluster, TrackingTokens tokens, IAuthorizationService auth, StaffConnections connections, GatewayMetrics metrics,
    CallRooms rooms, IOptions<VideoCallOptions> video, ILogger<DispatchHub> logger) : Hub
{
    public const string Path = "/hubs/dispatch";

    public static string CommunityGroup(string communityId) => $"community:{communityId}";

    public static string CadreGroup(string cadreId) => $"cadre:{cadreId}";

    public static string CaseGroup(string caseId) => $"case:{caseId}";

    public static string ScopeGroup(string scopeId) => $"scope:{scopeId}";

    /// <summary>Every connection of one staff account (the token's subject), e.g. for invitations.</summary>
    public static string AccountGroup(string subject) => $"account:{subject}";

    public override async Task OnConnectedAsync()
    {
        if (Context.User?.Role() == StaffRoles.Cadre && Context.User.Subject() is { } cadreId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, CadreGroup(cadreId));
        }

        if (Context.User?.Role() is { } role && StaffRoles.All.Contains(role) && Context.User.Subject() is { } subject)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, AccountGroup(subject));
        }

        connections.Add(Context);
        metrics.Connected(Context.User);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context);
        metrics.Disconnected(Context.User);
        await LeaveCallsAsync();
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>A dispatcher's board watches their community.</summary>
    [Authorize(Policy = StaffRoles.StaffPolicy)]
    public async Task WatchCommunity(string communityId)
    {
        var community = await cluster.GetGrain<ICommunityGrain>(communityId).GetInfoAsync();
        if (community is null || Context.User is not { } user
            || !(await auth.AuthorizeAsync(user, community.Place(), StaffOperations.DispatchCommunity)).Succeeded)
        {
            throw new HubException($"Not allowed to watch community '{communityId}'.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, CommunityGroup(communityId));
    }

    /// <summary>An official watches the queue of their level (sub-district, department or county).</summary>
    [Authorize(Policy = StaffRoles.StaffPolicy)]
    public async Task WatchScope(string scopeId)
    {
        if (Context.User is not { } user || !(await auth.AuthorizeAsync(user, new LevelOwner(scopeId), StaffOperations.WatchLevel)).Succeeded)
        {
            throw new HubException($"Not allowed to watch scope '{scopeId}'.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, ScopeGroup(scopeId));
    }

    /// <summary>
    /// A meeting's page follows its linked cases as the minutes settle them: staff who may see the consultation (its
    /// parties, the community's staff) join each linked case's group and hear its pushes as the resident does.
    /// </summary>
    [Authorize(Policy = StaffRoles.StaffPolicy)]
    public async Task WatchConsultation(string consultationId)
    {
        var consultation = await cluster.GetGrain<IConsultationGrain>(consultationId).GetAsync();
        var community = consultation is null ? null : await cluster.GetGrain<ICommunityGrain>(consultation.CommunityId).GetInfoAsync();
        if (consultation is null || Context.User is not { } user
            || !(await auth.AuthorizeAsync(user, new ConsultationAccess(consultation, community), StaffOperations.SeeConsultation)).Succeeded)
        {
            throw new HubException($"Not allowed to watch consultation '{consultationId}'.");
        }

        foreach (var caseId in consultation.CaseIds)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, CaseGroup(caseId));
        }
    }

    /// <summary>A resident follows their case: the tracking token is the right to it, no staff token needed.</summary>
    [AllowAnonymous]
    public async Task WatchCase(string trackingToken)
    {
        var caseId = tokens.Open(trackingToken) ?? throw new HubException("Unknown tracking token.");
        await Groups.AddToGroupAsync(Context.ConnectionId, CaseGroup(caseId));
    }
}
