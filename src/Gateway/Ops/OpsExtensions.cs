namespace Gongzhi.Gateway.Ops;

/// <summary>Wires the ops door: its options (the dashboard's upstream checked at start), the ticket and YARP's forwarder.</summary>
public static class OpsExtensions
{
    public static WebApplicationBuilder AddOps(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OpsOptions>().BindConfiguration(OpsOptions.Section)
            .Validate(o => Uri.TryCreate(o.OrleansDashboard, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                "Ops:OrleansDashboard must be an absolute http(s) address.")
            .Validate(o => o.TicketLifetime > TimeSpan.Zero, "Ops:TicketLifetime must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<OpsTicket>();
        builder.Services.AddHttpForwarder();
        builder.Services.AddSingleton<OrleansDashboardForwarder>();
        return builder;
    }
}
