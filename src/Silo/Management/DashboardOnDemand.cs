using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Orleans.Dashboard;

namespace Gongzhi.Silo.Management;

/// <summary>
/// Serves the Orleans Dashboard's pages and API from a pipeline of their own, built at the first dashboard request
/// rather than at start. Mapping the dashboard reads its web assets out of its assembly and keeps them, plain and
/// gzipped, for the process's life (~20 MB of heap, bench history "Stop 32"); most silos are never opened, since the
/// gateway fronts one of them for admins. The silo still collects the dashboard's figures from its start
/// (<c>AddDashboard</c>), so the first page shows the same history as before.
/// </summary>
public sealed class DashboardOnDemand(Func<RequestDelegate> build)
{
    private readonly Lazy<RequestDelegate> _pipeline = new(build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether a dashboard request has come, and with it the assets.</summary>
    public bool IsBuilt => _pipeline.IsValueCreated;

    /// <summary>The dashboard's own pipeline over the app's services: routing, and the dashboard's endpoints under <paramref name="routePrefix"/>.</summary>
    public static DashboardOnDemand For(IServiceProvider services, string routePrefix) => new(() =>
    {
        var branch = new ApplicationBuilder(services);
        branch.UseRouting();
        branch.UseEndpoints(endpoints => endpoints.MapOrleansDashboard(routePrefix: routePrefix));
        return branch.Build();
    });

    public Task InvokeAsync(HttpContext context) => _pipeline.Value(context);
}
