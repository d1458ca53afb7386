namespace Gongzhi.Gateway.Ops;

/// <summary>The operators' tools the gateway fronts for admins, under <see cref="OpsTicket.CookiePath"/>.</summary>
public sealed class OpsOptions
{
    public const string Section = "Ops";

    /// <summary>The Orleans Dashboard on a silo's management port (loopback, or a network the silo's <c>Management:DashboardNetworks</c> admits).</summary>
    public string OrleansDashboard { get; set; } = "http://127.0.0.1:9191/dashboard";

    /// <summary>How long an ops ticket's cookie lasts; its session must stay open too.</summary>
    public TimeSpan TicketLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
