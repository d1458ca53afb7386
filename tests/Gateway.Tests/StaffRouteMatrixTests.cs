using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Gongzhi.Gateway.Tests;

/// <summary>
/// Every staff route, taken from the endpoint data source with its route values filled from real cases: an anonymous
/// caller gets 401, and staff of another community or level get 403 or 404, never a 2xx or a 5xx.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class StaffRouteMatrixTests(GatewayFixture fixture)
{
    /// <summary>Staff of Ximen's neighbours: another community's cadre and dispatcher, another department, another county's leader.</summary>
    private static readonly (string Role, string Subject, string Scope)[] Outsiders =
    [
        ("cadre", "dongguan-cadre", "dongguan"),
        ("dispatcher", "dongguan-dispatcher", "dongguan"),
        ("department", "roads-liaison", "roads"),
        ("leader", "other-county-leader", "other-county"),
    ];

    /// <summary>Staff routes that answer any staff member about their own account or scope, with the reason; they still refuse anonymous callers.</summary>
    private static readonly Dictionary<string, string> OwnData = new(StringComparer.Ordinal)
    {
        ["GET /api/v1/intake/poison"] = "a dispatcher sees only the entries naming a community in their own scope",
        ["GET /api/v1/auth/me"] = "the caller's own account",
        ["GET /api/v1/levels/mine"] = "the level of the caller's own scope",
        ["POST /api/v1/auth/renew"] = "the caller's own session",
        ["POST /api/v1/auth/logout"] = "the caller's own session",
        ["POST /api/v1/auth/password"] = "the caller's own password",
        ["GET /api/v1/invitations"] = "the caller's own invitations (an outsider's list is empty)",
    };

    /// <summary>The query a route needs to get past its own validation to its authorization.</summary>
    private static readonly Dictionary<string, string> Queries = new(StringComparer.Ordinal)
    {
        ["GET /api/v1/metrics"] = "?scope=ximen&period=day",
        ["GET /api/v1/metrics/summary"] = "?scope=ximen",
        ["GET /api/v1/alerts"] = "?scope=ximen",
        ["GET /api/v1/video-petitions"] = "?scope=wenshang-subdistrict",
        ["GET /api/v1/consultations"] = "?scope=ximen",
    };

    [Fact]
    public async Task Every_staff_route_refuses_anonymous_callers_with_401_and_staff_of_another_community_or_level_with_403_or_404()
    {
        var values = await RouteValuesAsync();
        var outsiders = await Task.WhenAll(Outsiders.Select(o => fixture.StaffAsync(o.Role, o.Subject, o.Scope)));
        var anonymous = fixture.Flow.CreateClient();
        var faults = new List<string>();
        var staffRoutes = RouteEnumerationTests.Routes(fixture.Flow.Services)
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null)
            .ToArray();
        Assert.NotEmpty(staffRoutes);

        foreach (var endpoint in staffRoutes)
        {
            var key = RouteEnumerationTests.Key(endpoint);
            var method = key.Split(' ')[0];
            var url = Url(endpoint, values) + Queries.GetValueOrDefault(key, "");
            var answer = await SendAsync(anonymous, method, url);
            if (answer != HttpStatusCode.Unauthorized)
            {
                faults.Add($"{key}: anonymous got {(int)answer}, not 401");
            }

            if (OwnData.ContainsKey(key))
            {
                continue;
            }

            for (var i = 0; i < outsiders.Length; i++)
            {
                answer = await SendAsync(outsiders[i], method, url);
                if (answer is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                {
                    faults.Add($"{key}: {Outsiders[i].Role} of {Outsiders[i].Scope} got {(int)answer}, not 403 or 404");
                }
            }
        }

        Assert.Empty(faults);

        // Refused calls changed nothing; the case's cadre settles it, so that its queue is free for the other tests.
        var cadre = await fixture.StaffAsync("cadre", values["cadreId"], "ximen");
        Assert.Equal(HttpStatusCode.OK, (await cadre.PostAsync($"/api/v1/cases/{values["caseId"]}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cadre.PostAsJsonAsync($"/api/v1/cases/{values["caseId"]}/resolve", new { note = "已处理" })).StatusCode);
    }

    [Fact]
    public async Task The_hub_lets_anyone_follow_a_case_by_its_token_but_refuses_staff_methods_to_anonymous_callers_and_outsiders()
    {
        // A submission to the quiet queue: its token is good, and no cadre's queue grows.
        var submitted = await fixture.Quiet.CreateClient().PostAsJsonAsync("/api/v1/cases", Submissions.Valid());
        var token = (await submitted.Content.ReadFromJsonAsync<JsonObject>())!["trackingToken"]!.GetValue<string>();
        var anonymous = await fixture.HubAsync();
        var outsider = await fixture.HubAsync(await fixture.TokenAsync("dispatcher", "dongguan-dispatcher", "dongguan"));

        await anonymous.InvokeAsync("WatchCase", token);
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => anonymous.InvokeAsync("WatchCommunity", "ximen"));
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => anonymous.InvokeAsync("WatchScope", "wenshang-subdistrict"));
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => outsider.InvokeAsync("WatchCommunity", "ximen"));
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => outsider.InvokeAsync("WatchScope", "wenshang-subdistrict"));
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => anonymous.InvokeAsync("WatchConsultation", "0000000000000000"));
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => outsider.InvokeAsync("WatchConsultation", "0000000000000000"));
        await anonymous.DisposeAsync();
        await outsider.DisposeAsync();
    }

    // Real ids of Ximen: an assigned case, its cadre, a consultation on it and a video petition its resident asked for.
    private async Task<Dictionary<string, string>> RouteValuesAsync()
    {
        var (caseId, token, theCase) = await fixture.SubmitAssignedAsync("chengxi-xincun", "13", "suggestion");
        var resident = fixture.Flow.CreateClient();
        var petition = await resident.PostAsJsonAsync($"/api/v1/cases/{caseId}/video-petitions", new { note = "想视频反映", trackingToken = token });
        var dispatcher = await fixture.StaffAsync("dispatcher", "ximen-dispatcher", "ximen");
        var consultation = await dispatcher.PostAsJsonAsync("/api/v1/consultations", new
        {
            communityId = "ximen", caseIds = new[] { caseId }, topic = "供暖协调", time = In(TimeSpan.FromDays(3)), place = "西门社区服务大厅",
        });
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["caseId"] = caseId,
            ["communityId"] = "ximen",
            ["cadreId"] = theCase["assigneeId"]!.GetValue<string>(),
            ["scopeId"] = "wenshang-subdistrict",
            ["petitionId"] = (await Created(petition))["petitionId"]!.GetValue<string>(),
            ["consultationId"] = (await Created(consultation))["consultationId"]!.GetValue<string>(),
            ["username"] = "ximen-dispatcher",
        };
    }

    private static string Url(RouteEndpoint endpoint, Dictionary<string, string> values)
    {
        var path = new StringBuilder();
        foreach (var segment in endpoint.RoutePattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter =>
                        Uri.EscapeDataString(values.GetValueOrDefault(parameter.Name, $"no-such-{parameter.Name}")),
                    _ => "",
                });
            }
        }

        return path.ToString();
    }

    // One body that gets every route past its own field checks to its authorization; each route reads only its fields.
    private static HttpContent Body(string url) => url.EndsWith("/photos", StringComparison.Ordinal)
        ? TestImages.Content(TestImages.Png, "image/png")
        : JsonContent.Create(new JsonObject
        {
            ["cadreId"] = "wang-liqun", ["mode"] = "doItNow", ["intoCaseId"] = "0000000000000000", ["reason"] = "r", ["instructions"] = "i",
            ["note"] = "n", ["when"] = In(TimeSpan.FromDays(1)), ["where"] = "w", ["office"] = "o", ["onDuty"] = true,
            ["communityId"] = "ximen", ["caseIds"] = new JsonArray(), ["topic"] = "t", ["time"] = In(TimeSpan.FromDays(2)), ["place"] = "p",
            ["minutes"] = "m", ["resolution"] = "r", ["slot"] = In(TimeSpan.FromDays(1)), ["outcome"] = "o",
            ["username"] = "someone", ["displayName"] = "Someone", ["role"] = "dispatcher", ["scope"] = "ximen",
            ["password"] = "a-long-enough-password-1", ["newPassword"] = "a-long-enough-password-2", ["currentPassword"] = "a-long-enough-password-1",
        });

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is not ("GET" or "DELETE" or "HEAD"))
        {
            request.Content = Body(url);
        }

        return (await client.SendAsync(request)).StatusCode;
    }

    private static async Task<JsonObject> Created(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static string In(TimeSpan ahead) => (DateTimeOffset.UtcNow + ahead).ToString("o", CultureInfo.InvariantCulture);
}
