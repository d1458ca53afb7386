namespace Gongzhi.Gateway.Ops;

/// <summary>Where the ticket opens the Orleans Dashboard, and when the ticket expires.</summary>
public sealed record OpsTicketResponse(string OrleansDashboard, DateTimeOffset ExpiresAt);
