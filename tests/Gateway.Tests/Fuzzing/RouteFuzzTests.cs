using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace Gongzhi.Gateway.Tests.Fuzzing;

/// <summary>
/// Hostile bodies (<see cref="FuzzBodies"/>) at every route that takes one (<see cref="BodyRoute.Of"/>), as anonymous and as
/// staff allowed on the fuzzed case: no answer is a 5xx, and a 4xx changes nothing that staff or the intake queue can see.
/// The seed is fixed and printed on failure; set <c>GONGZHI_FUZZ_SEED</c> to replay another.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class RouteFuzzTests(GatewayFixture fixture, ITestOutputHelper output)
{
    private const ulong DefaultSeed = 20261203;
    private const int CasesPerRoute = 40;
    private const int Size = 12;

    [Fact]
    public async Task No_hostile_body_at_any_route_gets_a_5xx_and_no_refused_one_changes_state()
    {
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("GONGZHI_FUZZ_SEED"), out var given) ? given : DefaultSeed;
        var (caseId, token, theCase) = await fixture.SubmitAssignedAsync();
        var cadreId = theCase["assigneeId"]!.GetValue<string>();
        var gateway = fixture.Quiet;
        var callers = new Dictionary<FuzzCaller, HttpClient>
        {
            [FuzzCaller.Anonymous] = gateway.CreateClient(),
            [FuzzCaller.AssignedCadre] = await ClientAsync("cadre", cadreId, "ximen"),
            [FuzzCaller.Dispatcher] = await ClientAsync("dispatcher", "ximen-dispatcher", "ximen"),
            [FuzzCaller.Admin] = await ClientAsync("admin", "admin", "county"),
        };
        var values = new Dictionary<string, string>
        {
            ["caseId"] = caseId, ["trackingToken"] = token, ["cadreId"] = cadreId, ["communityId"] = "ximen", ["scopeId"] = "ximen",
            ["petitionId"] = "fuzzPetition0000", ["consultationId"] = "fuzzConsult00000", ["username"] = "fuzz-nobody",
        };

        // The administration routes aim at a world of their own: a body they took would change the seeded community and
        // county every other test of the collection dispatches by.
        var adminValues = new Dictionary<string, string>(values)
        {
            ["communityId"] = "fuzz-community", ["cadreId"] = "fuzz-cadre", ["countyId"] = "fuzz-county", ["categoryId"] = "fuzz-category",
            ["slaClassId"] = "fuzz-sla",
        };
        var routes = BodyRoute.Of(gateway);
        Assert.NotEmpty(routes);
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        var state = await StateAsync(callers[FuzzCaller.Admin], caseId, cadreId);
        for (var r = 0; r < routes.Count && failures.Count < 5; r++)
        {
            var route = routes[r];
            var requests = FuzzBodies.Requests.Sample(CasesPerRoute, new Rnd(seed + (ulong)r), Size);
            var statuses = new SortedDictionary<int, int>();
            foreach (var request in requests)
            {
                var path = route.Path(route.Pattern.StartsWith("/api/v1/admin/", StringComparison.Ordinal) ? adminValues : values);
                using var message = new HttpRequestMessage(new HttpMethod(route.Method), path) { Content = Content(request) };
                var response = await callers[request.Caller].SendAsync(message);
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                var after = await StateAsync(callers[FuzzCaller.Admin], caseId, cadreId);
                if (status >= 500)
                {
                    failures.Add($"{route} answered {status} to {request}: {await Head(response)}");
                }
                else if (status >= 400 && after != state)
                {
                    failures.Add($"{route} answered {status} but changed state, to {request}");
                }

                state = after;
            }

            output.WriteLine($"{route}: {string.Join(", ", statuses.Select(s => $"{s.Value}×{s.Key}"))}");
        }

        // The duty route took some bodies: the cadre goes back on duty, as they were, for the collection's later cases.
        await callers[FuzzCaller.Dispatcher].PostAsJsonAsync($"/api/v1/cadres/{cadreId}/duty", new { onDuty = true });
        await fixture.ResolveQuietlyAsync(caseId);
        output.WriteLine($"Fuzzed {routes.Count} routes × {CasesPerRoute} requests in {clock.Elapsed.TotalSeconds:F1} s with seed {seed}.");
        Assert.True(failures.Count == 0, $"Seed {seed} (replay with GONGZHI_FUZZ_SEED={seed}):\n" + string.Join("\n", failures));
    }

    private async Task<HttpClient> ClientAsync(string role, string subject, string scope)
    {
        var client = fixture.Quiet.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TestGateway.TokenAsync(fixture.Quiet, role, subject, scope));
        return client;
    }

    // What a refused request must leave as it was: the case as staff see it, the community's roster, the queue's length.
    private async Task<string> StateAsync(HttpClient admin, string caseId, string cadreId)
    {
        var theCase = await admin.GetStringAsync($"/api/v1/cases/{caseId}");
        var roster = await admin.GetStringAsync("/api/v1/communities/ximen/roster");
        var cadre = await admin.GetStringAsync($"/api/v1/cadres/{cadreId}");
        var queued = (await fixture.QuietQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        return $"{theCase}\n{roster}\n{cadre}\n{queued}";
    }

    private static ByteArrayContent Content(FuzzRequest request)
    {
        var content = new ByteArrayContent(request.Body);
        if (request.ContentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }

        return content;
    }

    private static async Task<string> Head(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length > 500 ? text[..500] : text;
    }
}
