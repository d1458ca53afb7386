using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace Gongzhi.EndToEnd.Tests.Stories;

/// <summary>
/// The three stories of the Dazhong Daily report on Wenshang (2018-12-05), end to end over HTTP and
/// SignalR, on the real storage, with days passing on a fake clock.
/// </summary>
public sealed class ArticleStoriesTests(StoryFixture story) : IClassFixture<StoryFixture>
{
    /// <summary>
    /// 两年前，西门小区64号楼居民因为怀疑前楼遮光……社区党委联系街道分管领导，以及县规划、住建、信访等部门……
    /// 规划局拿出了日光分析报告……一次群体性上访事件得以化解。
    /// </summary>
    [Fact]
    public async Task Building_64s_sunlight_dispute_is_settled_at_the_subdistrict_by_a_consultation_with_the_departments()
    {
        var subdistrictToken = await story.TokenAsync("dispatcher", "wenshang-subdistrict-official", "wenshang-subdistrict");
        await using var subdistrictBoard = await story.ListenAsync(subdistrictToken);
        await subdistrictBoard.Connection.InvokeAsync("WatchScope", "wenshang-subdistrict");

        var (first, firstToken) = await story.SubmitAsync("grievance", "planning-sunlight", "ximen-xiaoqu", "64", "前楼遮挡我家采光，开发商拒绝赔偿", "刘女士");
        var (second, _) = await story.SubmitAsync("grievance", "planning-sunlight", "ximen-xiaoqu", "64", "64号楼低层冬天几乎晒不到太阳", "陈先生");
        var dispatcher = await story.StaffAsync("dispatcher", "ximen-dispatcher", "ximen");
        var secondCase = await WaitForStatusAsync(dispatcher, second, "assigned");
        var firstCase = await WaitForStatusAsync(dispatcher, first, "assigned");
        // The intake takes both in one batch, so either may be the one that names the other.
        Assert.True(
            secondCase["possibleDuplicates"]!.AsArray().Any(d => d!.GetValue<string>() == first)
            || firstCase["possibleDuplicates"]!.AsArray().Any(d => d!.GetValue<string>() == second));

        // 张秀梅 takes planning and sunlight matters; it is more than the community can settle.
        Assert.Equal("zhang-xiumei", firstCase["assigneeId"]!.GetValue<string>());
        Assert.Equal("leadThrough", firstCase["mode"]!.GetValue<string>());
        var cadre = await story.StaffAsync("cadre", "zhang-xiumei", "ximen");
        foreach (var caseId in new[] { first, second })
        {
            await cadre.PostOkAsync($"/api/v1/cases/{caseId}/acknowledge", new { });
            var escalated = await cadre.PostOkAsync($"/api/v1/cases/{caseId}/escalate", new { reason = "多户居民要去县里上访，需街道协调规划、住建、信访部门" });
            Assert.Equal("subdistrict", escalated["level"]!.GetValue<string>());
        }

        await subdistrictBoard.WaitForEventAsync(first, "escalated");
        var official = await story.StaffAsync("dispatcher", "wenshang-subdistrict-official", "wenshang-subdistrict");
        var queue = (await official.GetFromJsonAsync<JsonArray>("/api/v1/queues/wenshang-subdistrict/cases"))!;
        Assert.Contains(queue, c => c!["caseId"]!.GetValue<string>() == first);

        var convened = await official.PostOkAsync("/api/v1/consultations", new
        {
            communityId = "ximen",
            caseIds = new[] { first, second },
            topic = "西门小区64号楼采光争议",
            time = story.Time.GetUtcNow().AddDays(2).ToString("O"),
            place = "西门社区服务大厅",
            invited = new[]
            {
                new { name = "县自然资源和规划局", role = "department", accountId = (string?)"planning-liaison" },
                new { name = "县住房和城乡建设局", role = "department", accountId = (string?)null },
                new { name = "县信访局", role = "department", accountId = (string?)null },
                new { name = "64号楼居民代表", role = "residents", accountId = (string?)null },
            },
        }, HttpStatusCode.Created);
        var consultationId = convened["consultationId"]!.GetValue<string>();
        await subdistrictBoard.WaitForEventAsync(first, "consultationConvened");

        story.Time.Advance(TimeSpan.FromDays(2));
        var concluded = await official.PostOkAsync($"/api/v1/consultations/{consultationId}/minutes", new
        {
            minutes = "规划局出示日照分析报告；住建局解释采光赔偿的法律规定；信访局答复诉求途径。座谈3个多小时。",
            resolution = "经规划局日照分析报告认定，前楼符合日照间距规范；不予赔偿，开发商为低层住户加装楼道照明。",
        });
        Assert.Equal("concluded", concluded["status"]!.GetValue<string>());

        foreach (var caseId in new[] { first, second })
        {
            var settled = (await official.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{caseId}"))!;
            Assert.Equal("resolved", settled["status"]!.GetValue<string>());
            Assert.Equal("subdistrict", settled["resolvedAtLevel"]!.GetValue<string>());
            var resolved = settled["timeline"]!.AsArray().Last(e => e!["type"]!.GetValue<string>() == "resolved")!;
            Assert.Equal(consultationId, resolved["reference"]!.GetValue<string>());
            Assert.Contains("日照分析报告", resolved["note"]!.GetValue<string>());
        }

        var track = (await story.Resident().GetFromJsonAsync<JsonObject>($"/api/v1/track/{firstToken}"))!;
        Assert.Equal("resolved", track["status"]!.GetValue<string>());
        Assert.NotNull(track["deadlines"]!["rateBy"]);
    }

    /// <summary>
    /// 去年供暖季开始后不久，西门社区居民李福华就反映家中暖气不热……此事超出了社区党委的服务范围，孟昭海就在
    /// 信访部门的协调下，用手机和分管城建的张斌举副县长视频连线……第二天，热力公司人员对管道进行维修、疏通后，暖气就热了。
    /// </summary>
    [Fact]
    public async Task The_heating_that_would_not_warm_climbs_past_the_community_to_a_video_call_with_the_county_leader()
    {
        var dispatcherToken = await story.TokenAsync("dispatcher", "ximen-dispatcher", "ximen");
        await using var board = await story.ListenAsync(dispatcherToken);
        await board.Connection.InvokeAsync("WatchCommunity", "ximen");
        var (caseId, token) = await story.SubmitAsync("service", "heating", "huiqian-xinyuan", "C", "回迁老小区，家中暖气不热，管道老化渗漏", "李福华");
        await using var resident = await story.ListenAsync();
        await resident.Connection.InvokeAsync("WatchCase", token);

        var assigned = await board.WaitForEventAsync(caseId, "assigned");
        var cadreId = assigned["assigneeId"]!.GetValue<string>();
        var cadre = await story.StaffAsync("cadre", cadreId, "ximen");
        await cadre.PostOkAsync($"/api/v1/cases/{caseId}/acknowledge", new { });
        await cadre.PostOkAsync($"/api/v1/cases/{caseId}/start", new { });

        // The heating company dares not pressure-test the old pipes; a day passes and the 24 h resolve-by is breached.
        story.Time.Advance(TimeSpan.FromHours(25));
        var breached = await board.WaitForEventAsync(caseId, "escalated");
        Assert.Equal("subdistrict", breached["level"]!.GetValue<string>());
        Assert.Equal("system", breached["event"]!["actor"]!.GetValue<string>());
        Assert.Contains("resolveOverdue", board.EventsOf(caseId));

        var subdistrict = await story.StaffAsync("dispatcher", "wenshang-subdistrict-official", "wenshang-subdistrict");
        await subdistrict.PostOkAsync($"/api/v1/cases/{caseId}/escalate", new { reason = "管道老化需热力公司打压维修" });
        var heatingCompany = await story.StaffAsync("department", "heating-liaison", "heating");
        var atLeader = await heatingCompany.PostOkAsync($"/api/v1/cases/{caseId}/escalate", new { reason = "需分管城建的副县长协调" });
        Assert.Equal("leader", atLeader["level"]!.GetValue<string>());

        // 信访部门协调下视频连线: the community asks, the county leader accepts a slot.
        var leaderToken = await story.TokenAsync("leader", "zhang-vice-county-head", "wenshang");
        await using var leaderPhone = await story.ListenAsync(leaderToken);
        await leaderPhone.Connection.InvokeAsync("WatchScope", "wenshang");
        var slot = story.Time.GetUtcNow().AddHours(2);
        var petition = await cadre.PostOkAsync($"/api/v1/cases/{caseId}/video-petitions",
            new { note = "居民家中暖气不热，请县领导视频了解", slots = new[] { slot.ToString("O") } }, HttpStatusCode.Created);
        var petitionId = petition["petitionId"]!.GetValue<string>();
        await leaderPhone.WaitForEventAsync(caseId, "videoPetitionRequested");

        var leader = await story.StaffAsync("leader", "zhang-vice-county-head", "wenshang");
        var scheduled = await leader.PostOkAsync($"/api/v1/video-petitions/{petitionId}/accept", new { slot = slot.ToString("O") });
        var joinLink = scheduled["joinLink"]!.GetValue<string>();
        var heardLink = await resident.WaitForEventAsync(caseId, "videoPetitionScheduled");
        Assert.Equal(joinLink, heardLink["event"]!["reference"]!.GetValue<string>());

        story.Time.Advance(TimeSpan.FromHours(2));
        await leader.PostOkAsync($"/api/v1/video-petitions/{petitionId}/outcome", new { outcome = "县领导了解情况，责成热力公司立即处理" });
        await resident.WaitForEventAsync(caseId, "videoPetitionHeld");

        // 第二天，热力公司人员对管道进行维修、疏通后，暖气就热了。
        story.Time.Advance(TimeSpan.FromDays(1));
        var resolved = await leader.PostOkAsync($"/api/v1/cases/{caseId}/resolve", new { note = "热力公司维修、疏通管道，暖气已热" });
        Assert.Equal("leader", resolved["resolvedAtLevel"]!.GetValue<string>());
        await resident.WaitForEventAsync(caseId, "resolved");

        var rated = await story.Resident().PostOkAsync($"/api/v1/track/{token}/rating", new { rating = "satisfied", comment = "暖气热了，谢谢" });
        Assert.Equal("closed", rated["status"]!.GetValue<string>());
        await board.WaitForEventAsync(caseId, "rated");
        var seqs = board.Heard("caseUpdated").Where(m => m["caseId"]!.GetValue<string>() == caseId).Select(m => m["seq"]!.GetValue<int>()).ToArray();
        Assert.Equal(Enumerable.Range(seqs[0], seqs.Length), seqs);
        Assert.Contains("videoPetitionHeld", board.EventsOf(caseId));
    }

    /// <summary>11月1日，西门社区召开"7+X"民主协商议事会，商讨吉市口佳苑东区业主委员会选举问题。</summary>
    [Fact]
    public async Task The_owners_committee_election_at_Jishikou_Jiayuan_is_settled_by_a_7_plus_X_meeting()
    {
        var cases = new List<string>();
        foreach (var (building, name) in new[] { ("1", "王先生"), ("3", "赵女士"), ("5", "孙大爷") })
        {
            cases.Add((await story.SubmitAsync("suggestion", "owners-committee", "jishikou-east", building, "希望尽快组织业主委员会选举", name)).CaseId);
        }

        var dispatcher = await story.StaffAsync("dispatcher", "ximen-dispatcher", "ximen");
        foreach (var caseId in cases)
        {
            await WaitForStatusAsync(dispatcher, caseId, "assigned");
        }

        // The community party committee is one of the 7 standing parties; its account hears the invitation.
        await using var partyCommittee = await story.ListenAsync(await story.TokenAsync("dispatcher", "ximen-dispatcher", "ximen"));
        var convened = await dispatcher.PostOkAsync("/api/v1/consultations", new
        {
            communityId = "ximen",
            caseIds = cases,
            topic = "吉市口佳苑东区业主委员会选举",
            time = story.Time.GetUtcNow().AddDays(3).ToString("O"),
            place = "西门社区议事厅",
            invited = new[]
            {
                new { name = "物业公司", role = "company", accountId = (string?)null },
                new { name = "吉市口佳苑东区业主代表", role = "residents", accountId = (string?)null },
                new { name = "县住房和城乡建设局", role = "department", accountId = (string?)null },
            },
        }, HttpStatusCode.Created);
        var consultationId = convened["consultationId"]!.GetValue<string>();
        var parties = convened["parties"]!.AsArray();
        Assert.Equal(10, parties.Count);
        Assert.Equal(7, parties.Count(p => p!["role"]!.GetValue<string>() is not ("company" or "residents" or "department")));
        var invitation = await partyCommittee.WaitForAsync("invitation", m => m["consultationId"]!.GetValue<string>() == consultationId);
        Assert.Equal("吉市口佳苑东区业主委员会选举", invitation["topic"]!.GetValue<string>());

        story.Time.Advance(TimeSpan.FromDays(3));
        await dispatcher.PostOkAsync($"/api/v1/consultations/{consultationId}/minutes", new
        {
            minutes = "7+X民主协商议事会：社区两委、街道分管领导、业委会筹备组、两代表一委员、物业公司、业主代表参加，商定选举方案与时间表。",
            resolution = "12月15日召开业主大会选举业主委员会，社区全程指导，物业公司配合公示。",
        });

        foreach (var caseId in cases)
        {
            var settled = (await dispatcher.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{caseId}"))!;
            Assert.Equal("resolved", settled["status"]!.GetValue<string>());
            Assert.Equal("community", settled["resolvedAtLevel"]!.GetValue<string>());
            Assert.Contains("consultationConvened", StorySteps.Types(settled));
        }
    }

    // The intake takes a submission in by itself: ask until the case has the status.
    private static async Task<JsonObject> WaitForStatusAsync(HttpClient staff, string caseId, string status) =>
        (await Eventually.GetAsync(
            async () => await staff.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{caseId}"),
            theCase => theCase?["status"]?.GetValue<string>() == status,
            $"case {caseId} becomes {status}",
            theCase => $"{theCase?["status"]}"))!;
}
