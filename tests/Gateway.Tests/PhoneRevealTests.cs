using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gongzhi.Administration;

namespace Gongzhi.Gateway.Tests;

/// <summary>Staff see the resident's phone number masked until one of them reveals it, and each reveal is audited.</summary>
[Collection(GatewayCollection.Name)]
public sealed class PhoneRevealTests(GatewayFixture fixture)
{
    private const string Phone = "13805371234";
    private const string Masked = "138****1234";

    [Fact]
    public async Task Every_staff_view_of_a_case_shows_the_phone_masked()
    {
        var (caseId, theCase) = await fixture.SubmitTakenAsync();
        var dispatcher = await fixture.StaffAsync("dispatcher", "ximen-dispatcher", "ximen");

        Assert.Equal(Masked, theCase["contact"]!["phone"]!.GetValue<string>());
        var open = (await dispatcher.GetFromJsonAsync<JsonArray>("/api/v1/communities/ximen/cases"))!;
        Assert.Equal(Masked, open.Single(c => c!["caseId"]!.GetValue<string>() == caseId)!["contact"]!["phone"]!.GetValue<string>());
        Assert.DoesNotContain(Phone, await dispatcher.GetStringAsync($"/api/v1/cases/{caseId}"));
        var cadrePage = await dispatcher.GetStringAsync("/api/v1/cadres/wang-liqun");
        Assert.DoesNotContain(Phone, cadrePage);
    }

    [Fact]
    public async Task A_dispatcher_of_the_community_reveals_the_phone_and_the_reveal_is_audited()
    {
        var (caseId, _) = await fixture.SubmitTakenAsync();
        var dispatcher = await fixture.StaffAsync("dispatcher", "ximen-dispatcher", "ximen");
        var before = DateTimeOffset.UtcNow;

        var response = await dispatcher.PostAsync($"/api/v1/cases/{caseId}/phone", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Phone, (await response.Content.ReadFromJsonAsync<JsonObject>())!["phone"]!.GetValue<string>());
        var entries = (await fixture.Grains.GetGrain<IAuditLogGrain>(AuditDays.KeyOf(before)).ReadAsync())
            .Concat(await fixture.Grains.GetGrain<IAuditLogGrain>(AuditDays.KeyOf(DateTimeOffset.UtcNow)).ReadAsync());
        var entry = Assert.Single(entries.Distinct(), e => e.Action == "phone-reveal" && e.Target == caseId);
        Assert.Equal("ximen-dispatcher", entry.Actor);
        Assert.InRange(entry.At, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.DoesNotContain(Phone, entry.Detail);
    }

    [Fact]
    public async Task Staff_of_another_community_and_anonymous_callers_get_no_phone_and_leave_no_reveal()
    {
        var (caseId, _) = await fixture.SubmitTakenAsync();
        var stranger = await fixture.StaffAsync("dispatcher", "wenhua-dispatcher", "wenhua");

        var refused = await stranger.PostAsync($"/api/v1/cases/{caseId}/phone", null);
        var anonymous = await fixture.Flow.CreateClient().PostAsync($"/api/v1/cases/{caseId}/phone", null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.DoesNotContain(Phone, await refused.Content.ReadAsStringAsync());
        var entries = await fixture.Grains.GetGrain<IAuditLogGrain>(AuditDays.KeyOf(DateTimeOffset.UtcNow)).ReadAsync();
        Assert.DoesNotContain(entries, e => e.Action == "phone-reveal" && e.Target == caseId);
    }
}
