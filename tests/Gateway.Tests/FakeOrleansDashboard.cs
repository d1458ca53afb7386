using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Gongzhi.Gateway.Tests;

/// <summary>
/// A stand-in for a silo's Orleans Dashboard on loopback: a page that asks for its files and data by relative paths,
/// as the real one does, and a data route that answers with the headers it was sent.
/// </summary>
internal sealed class FakeOrleansDashboard : IAsyncDisposable
{
    public const string Page = "<!DOCTYPE html><title>Orleans Dashboard</title><script type=\"module\" src=\"./index.min.js\"></script>";

    private readonly WebApplication _app;

    private FakeOrleansDashboard(WebApplication app) => _app = app;

    /// <summary>The dashboard's address, as <c>Ops:OrleansDashboard</c> names it.</summary>
    public string Address { get; private set; } = "";

    public static async Task<FakeOrleansDashboard> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/dashboard/", () => Results.Content(Page, "text/html"));
        app.MapGet("/dashboard/index.min.js", () => Results.Content("console.log('dashboard')", "text/javascript"));
        app.MapGet("/dashboard/ClusterStats", (HttpRequest request) => Results.Json(new
        {
            path = request.Path.Value,
            cookie = request.Headers.Cookie.ToString(),
            authorization = request.Headers.Authorization.ToString(),
        }));
        await app.StartAsync();
        var dashboard = new FakeOrleansDashboard(app);
        dashboard.Address = app.Urls.Single() + "/dashboard";
        return dashboard;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
