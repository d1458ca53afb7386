using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Gongzhi.Gateway.Tests;

/// <summary>Video petitions ready for a call, for the tests of the call on the hub.</summary>
public static class FixtureVideoCalls
{
    /// <summary>The community's dispatcher, the level's official who accepts the petitions.</summary>
    public const string Official = "ximen-dispatcher";

    /// <summary>The case's cadre asks for the resident; the official accepts unless told not to.</summary>
    public static async Task<(string CaseId, string Token, string PetitionId)> PetitionAsync(this GatewayFixture fixture, bool schedule = true)
    {
        var (caseId, token) = await fixture.SubmitAsync(Submissions.Valid("heating"));
        await fixture.TrackUntilAsync(token, "assigned");
        var cadreId = (await fixture.CaseAsync(caseId))["assigneeId"]!.GetValue<string>();
        var cadre = await fixture.StaffAsync("cadre", cadreId, "ximen");
        var asked = await cadre.PostAsJsonAsync($"/api/v1/cases/{caseId}/video-petitions", new { note = "居民腿脚不便，希望视频反映" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var petitionId = (await asked.Content.ReadFromJsonAsync<JsonObject>())!["petitionId"]!.GetValue<string>();
        if (schedule)
        {
            var official = await fixture.StaffAsync("dispatcher", Official, "ximen");
            var slot = (DateTimeOffset.UtcNow + TimeSpan.FromHours(1)).ToString("o", CultureInfo.InvariantCulture);
            Assert.Equal(HttpStatusCode.OK, (await official.PostAsJsonAsync($"/api/v1/video-petitions/{petitionId}/accept", new { slot })).StatusCode);
        }

        return (caseId, token, petitionId);
    }
}
