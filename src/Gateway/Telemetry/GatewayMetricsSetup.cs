using Azure.Storage.Queues;
using Gongzhi.Gateway.Intake;
using Gongzhi.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace Gongzhi.Gateway.Telemetry;

/// <summary>Wires the gateway's metrics: the instruments, their export, and the management endpoint Prometheus scrapes.</summary>
public static class GatewayMetricsSetup
{
    // Kestrel's own default when no URL is configured at all.
    private const string KestrelDefaultUrl = "http://localhost:5000";

    public static WebApplicationBuilder AddGatewayMetrics(this WebApplicationBuilder builder)
    {
        var management = ManagementPort.From(builder.Configuration);
        builder.Services.AddSingleton(management);
        // The public URLs stay what urls / ASPNETCORE_URLS / --urls / HTTP_PORTS say; the management ones are added to them.
        var publicUrls = PublicUrls(builder.WebHost).ToArray();
        management.EnsureApartFrom(publicUrls);
        builder.WebHost.UseUrls([.. publicUrls.Concat(management.Urls)]);

        builder.Services.AddMetricsExport(builder.Configuration, GatewayTracing.ServiceName, GatewayMetrics.MeterName);
        builder.Services.AddSingleton<GatewayMetrics>();
        builder.Services.AddKeyedSingleton(GatewayMetrics.PoisonPoll, (sp, _) => new QueueLengthPoll(
            [sp.GetRequiredService<QueueServiceClient>().GetQueueClient(sp.GetRequiredService<IOptions<GatewayOptions>>().Value.IntakePoisonQueueName)],
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<QueueLengthPoll>>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredKeyedService<QueueLengthPoll>(GatewayMetrics.PoisonPoll));
        return builder;
    }

    /// <summary>
    /// First in the pipeline: <c>/metrics</c> answers on the management port only (not rate-limited, no token), 404 on the
    /// public port; the management port answers nothing else but <c>/healthz</c> and below (404), so the app's routes,
    /// its files and the ops proxy are never reachable there.
    /// </summary>
    public static WebApplication UseGatewayMetrics(this WebApplication app)
    {
        var management = app.Services.GetRequiredService<ManagementPort>();
        var inMemory = ManagementPort.IsInMemory(app.Services.GetRequiredService<IServer>());
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context => IsScrape(context) && management.Serves(context, inMemory));
        app.MapWhen(context => IsScrape(context) || (management.Serves(context, inMemory) && !IsHealth(context)), notHere => notHere.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }));
        return app;
    }

    private static bool IsHealth(HttpContext context) => context.Request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase);

    private static bool IsScrape(HttpContext context) => context.Request.Path.Equals(MetricsExport.ScrapePath, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> PublicUrls(IWebHostBuilder web)
    {
        if (web.GetSetting(WebHostDefaults.ServerUrlsKey) is { Length: > 0 } urls)
        {
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        // What Kestrel would bind from HTTP_PORTS / HTTPS_PORTS (the official images set them) when no URL is given.
        IEnumerable<string> Ports(string key, string scheme) =>
            (web.GetSetting(key) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"{scheme}://*:{p}");
        var fromPorts = Ports("http_ports", "http").Concat(Ports("https_ports", "https")).ToArray();
        return fromPorts.Length > 0 ? fromPorts : [KestrelDefaultUrl];
    }
}
