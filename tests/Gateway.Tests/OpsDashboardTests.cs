using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gongzhi.Gateway.Ops;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongzhi.Gateway.Tests;

/// <summary>
/// The Orleans Dashboard through the gateway at <c>/ops/orleans/</c>: only an admin's browser tab, holding the ops
/// ticket's cookie, gets it; everyone else is refused before anything reaches the silo.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class OpsDashboardTests(GatewayFixture fixture) : IAsyncLifetime
{
    private FakeOrleansDashboard _upstream = null!;
    private WebApplicationFactory<Program> _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeOrleansDashboard.StartAsync();
        _gateway = fixture.Gateway(fixture.QuietQueueName).WithWebHostBuilder(web => web.UseSetting("Ops:OrleansDashboard", _upstream.Address));
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task An_anonymous_caller_or_a_resident_is_refused_with_401()
    {
        var anonymous = Browser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/ops/orleans/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/ops/orleans/ClusterStats")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/auth/ops-ticket", null)).StatusCode);

        // A resident holds a tracking token, which is no staff token, in a cookie or a header.
        var resident = Browser(cookie: "not-a-staff-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await resident.GetAsync("/ops/orleans/")).StatusCode);
    }

    [Theory]
    [InlineData("cadre", "wang-liqun", "ximen")]
    [InlineData("dispatcher", "ximen-dispatcher", "ximen")]
    [InlineData("department", "roads-liaison", "roads")]
    [InlineData("leader", "county-leader", "wenshang")]
    public async Task Staff_who_are_not_admins_get_no_ticket_and_no_dashboard(string role, string subject, string scope)
    {
        var token = await TestGateway.TokenAsync(_gateway, role, subject, scope);

        Assert.Equal(HttpStatusCode.Forbidden, (await Browser(bearer: token).PostAsync("/api/v1/auth/ops-ticket", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Browser(bearer: token).GetAsync("/ops/orleans/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Browser(cookie: token).GetAsync("/ops/orleans/ClusterStats")).StatusCode);
    }

    [Fact]
    public async Task An_admins_ticket_is_an_http_only_strict_cookie_for_ops_paths_only()
    {
        var response = await Browser(bearer: await AdminTokenAsync()).PostAsync("/api/v1/auth/ops-ticket", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("/ops/orleans/", body["orleansDashboard"]!.GetValue<string>());
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(OpsTicket.CookieName + "=", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/ops", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        // Fifteen minutes, or less by the part of a second the bearer token (also fifteen minutes, exp in whole seconds) has run.
        Assert.InRange(MaxAge(cookie), 890, 900);

        // The cookie opens /ops only: the API still wants a bearer header.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Browser(cookie: Ticket(cookie)).GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_ticket_ends_no_later_than_the_admins_bearer_token()
    {
        await using var gateway = _gateway.WithWebHostBuilder(web => web.UseSetting("Auth:TokenLifetime", "00:05:00"));
        var bearer = await TestGateway.TokenAsync(gateway, "admin", "ops-admin", "wenshang");
        var tokenExpires = DateTimeOffset.FromUnixTimeSeconds(new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(bearer).GetPayloadValue<long>("exp"));
        var admin = gateway.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);

        var response = await admin.PostAsync("/api/v1/auth/ops-ticket", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expiresAt = (await response.Content.ReadFromJsonAsync<JsonObject>())!["expiresAt"]!.GetValue<DateTimeOffset>();
        Assert.Equal(tokenExpires, expiresAt);
        var ticket = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.InRange(MaxAge(ticket), 1, 300);
        var ticketExpires = DateTimeOffset.FromUnixTimeSeconds(new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(Ticket(ticket)).GetPayloadValue<long>("exp"));
        Assert.Equal(tokenExpires, ticketExpires);
    }

    [Fact]
    public async Task An_admin_with_the_ticket_gets_the_dashboard_and_its_data_under_the_prefix_and_the_silo_sees_no_credential()
    {
        var admin = Browser(cookie: await TicketAsync(await AdminTokenAsync()));

        var page = await admin.GetAsync("/ops/orleans/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(FakeOrleansDashboard.Page, await page.Content.ReadAsStringAsync());
        // Its icon fonts and inline styles are let in; scripts still come only from the gateway itself.
        Assert.Equal(Extensions.SecurityHeaders.OrleansDashboardPolicy, page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("default-src 'self'", Extensions.SecurityHeaders.OrleansDashboardPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", Extensions.SecurityHeaders.OrleansDashboardPolicy, StringComparison.Ordinal);
        Assert.Equal("console.log('dashboard')", await admin.GetStringAsync("/ops/orleans/index.min.js"));

        var data = (await admin.GetFromJsonAsync<JsonObject>("/ops/orleans/ClusterStats"))!;
        Assert.Equal("/dashboard/ClusterStats", data["path"]!.GetValue<string>());
        Assert.Equal("", data["cookie"]!.GetValue<string>());
        Assert.Equal("", data["authorization"]!.GetValue<string>());

        // Without the slash the page's relative paths would miss the prefix: the gateway adds it.
        var bare = await admin.GetAsync("/ops/orleans");
        Assert.Equal(HttpStatusCode.Redirect, bare.StatusCode);
        Assert.Equal("/ops/orleans/", bare.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_signed_out_admins_ticket_stops_working()
    {
        var username = await StaffAccounts.CreateAsync(_gateway, role: "admin", scope: "wenshang");
        var bearer = await StaffAccounts.TokenAsync(_gateway, username);
        var ticket = await TicketAsync(bearer);
        Assert.Equal(HttpStatusCode.OK, (await Browser(cookie: ticket).GetAsync("/ops/orleans/")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Browser(bearer: bearer).PostAsync("/api/v1/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Browser(cookie: ticket).GetAsync("/ops/orleans/")).StatusCode);
    }

    [Fact]
    public async Task A_dashboard_that_does_not_answer_is_a_502_for_the_admin_not_a_hang_or_a_500()
    {
        await using var gateway = fixture.Gateway(fixture.QuietQueueName)
            .WithWebHostBuilder(web => web.UseSetting("Ops:OrleansDashboard", $"http://127.0.0.1:{FreePorts.Next()}/dashboard"));
        var admin = gateway.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TestGateway.TokenAsync(gateway, "admin", "ops-admin", "wenshang"));

        Assert.Equal(HttpStatusCode.BadGateway, (await admin.GetAsync("/ops/orleans/")).StatusCode);
    }

    private Task<string> AdminTokenAsync() => TestGateway.TokenAsync(_gateway, "admin", "ops-admin", "wenshang");

    private async Task<string> TicketAsync(string bearer)
    {
        var response = await Browser(bearer: bearer).PostAsync("/api/v1/auth/ops-ticket", null);
        response.EnsureSuccessStatusCode();
        return Ticket(Assert.Single(response.Headers.GetValues("Set-Cookie")));
    }

    private static int MaxAge(string setCookie) =>
        int.Parse(setCookie.Split(';').Select(p => p.Trim()).Single(p => p.StartsWith("max-age=", StringComparison.OrdinalIgnoreCase))["max-age=".Length..]);

    private static string Ticket(string setCookie) => setCookie.Split(';')[0][(OpsTicket.CookieName.Length + 1)..];

    /// <summary>A browser tab: no redirects followed, and the ticket's cookie or a bearer header only when given.</summary>
    private HttpClient Browser(string? bearer = null, string? cookie = null)
    {
        var client = _gateway.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (cookie is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", $"{OpsTicket.CookieName}={cookie}");
        }

        return client;
    }
}
