using System.Diagnostics;
using Gongzhi.Silo.Management;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace Gongzhi.Silo.Tests.Management;

/// <summary>The Orleans Dashboard's pages are built at the first request for them, not when the silo starts.</summary>
public sealed class DashboardOnDemandTests
{
    [Fact]
    public async Task The_dashboard_is_built_at_its_first_request_and_serves_its_page_and_scripts()
    {
        await using var services = Services();
        var dashboard = DashboardOnDemand.For(services, "/dashboard");
        Assert.False(dashboard.IsBuilt);

        var (status, body) = await GetAsync(dashboard, services, "/dashboard/");

        Assert.True(dashboard.IsBuilt);
        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Contains("<title>Orleans Dashboard</title>", body, StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status200OK, (await GetAsync(dashboard, services, "/dashboard/index.min.js")).Status);
    }

    [Fact]
    public async Task Requests_arriving_together_build_the_dashboard_once()
    {
        var builds = 0;
        var dashboard = new DashboardOnDemand(() =>
        {
            Interlocked.Increment(ref builds);
            return context => Task.CompletedTask;
        });

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => dashboard.InvokeAsync(new DefaultHttpContext()))));

        Assert.Equal(1, builds);
    }

    // The dashboard's services as an Orleans client registers them (never started here: its pages need no cluster).
    private static ServiceProvider Services() =>
        new ServiceCollection().AddLogging().AddRouting().AddSingleton(new DiagnosticListener("test")).AddOrleansClient(client => client.AddDashboard()).BuildServiceProvider();

    private static async Task<(int Status, string Body)> GetAsync(DashboardOnDemand dashboard, IServiceProvider services, string path)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        await dashboard.InvokeAsync(context);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync());
    }
}
