using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gongzhi.EndToEnd.Tests;

/// <summary>
/// What an operator sees in a trace backend: one submission is one trace, from the gateway's POST through the intake
/// queue and the silo's grains back to the gateway's SignalR push, each span under the one that caused it.
/// </summary>
public sealed class CaseTraceTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    private const string Gateway = "gongzhi-gateway";
    private const string Silo = "gongzhi-silo";

    [Fact]
    public async Task One_submission_is_one_trace_from_the_post_through_the_queue_and_the_grains_to_the_push()
    {
        var first = await SubmitAsync();
        var firstTrace = await TraceAsync(first);
        var second = await SubmitAsync();
        var secondTrace = await TraceAsync(second);

        AssertOneCaseOneTrace(firstTrace, first);
        AssertOneCaseOneTrace(secondTrace, second);
        Assert.NotEqual(firstTrace[0].TraceId, secondTrace[0].TraceId);
        // The second is what an operator sees once the system runs (the first waited for the silo to load the seeds).
        await KeepForScreenshotAsync(secondTrace);
    }

    private static void AssertOneCaseOneTrace(IReadOnlyList<OtlpSpan> trace, string caseId)
    {
        var post = Single(trace, s => s.Service == Gateway && s.Kind == OtlpSpanKind.Server && s.Name.EndsWith("/api/v1/cases"));
        var send = Single(trace, s => s.Service == Gateway && s.Name == "intake send");
        var process = Single(trace, s => s.Service == Silo && s.Name == "intake process");
        var submit = Single(trace, s => s.Service == Silo && s.Kind == OtlpSpanKind.Client && s.Name.EndsWith("ICaseGrain/SubmitBatchedAsync"));
        var push = trace.First(s => s.Service == Gateway && s.Name == "push caseUpdated");
        var observerCall = trace.Single(s => s.SpanId == push.ParentSpanId);

        Assert.Null(post.ParentSpanId);
        Assert.Equal(post.SpanId, send.ParentSpanId);
        Assert.Equal((OtlpSpanKind.Producer, OtlpSpanKind.Consumer), (send.Kind, process.Kind));
        Assert.Equal(send.SpanId, process.ParentSpanId);
        Assert.Equal(process.SpanId, submit.ParentSpanId);
        Assert.Equal((Gateway, OtlpSpanKind.Server), (observerCall.Service, observerCall.Kind));
        Assert.Contains("IDispatchObserver", observerCall.Name);
        Assert.Equal(Silo, trace.Single(s => s.SpanId == observerCall.ParentSpanId).Service);
        Assert.All(trace, s => Assert.Equal(caseId, s.Attribute("gongzhi.case_id") ?? caseId));
        // Every span hangs under one in the trace: the POST is the only root.
        Assert.All(trace.Where(s => s != post), s => Assert.Contains(trace, p => p.SpanId == s.ParentSpanId));
    }

    private async Task<IReadOnlyList<OtlpSpan>> TraceAsync(string caseId) =>
        (await Eventually.GetAsync(() => Task.FromResult(TraceOf(caseId)), t => t is not null && Complete(t, caseId),
            $"the trace of case {caseId} with its POST, intake send and processing, grain call and push", Describe, TimeSpan.FromSeconds(90)))!;

    private IReadOnlyList<OtlpSpan>? TraceOf(string caseId) =>
        system.Traces.Spans.FirstOrDefault(s => s.Name == "intake send" && s.Attribute("gongzhi.case_id") == caseId) is { } send
            ? system.Traces.Trace(send.TraceId)
            : null;

    // All the spans asked for have arrived, and no span waits for its parent (spans are exported as they end, in batches).
    private static bool Complete(IReadOnlyList<OtlpSpan> trace, string caseId) =>
        trace.Any(s => s.Service == Gateway && s.Kind == OtlpSpanKind.Server && s.Name.EndsWith("/api/v1/cases"))
        && trace.Any(s => s.Service == Silo && s.Name == "intake process")
        && trace.Any(s => s.Service == Silo && s.Name.EndsWith("ICaseGrain/SubmitBatchedAsync"))
        && trace.Any(s => s.Service == Gateway && s.Name == "push caseUpdated" && s.Attribute("gongzhi.case_id") == caseId)
        && trace.All(s => s.ParentSpanId is null || trace.Any(p => p.SpanId == s.ParentSpanId));

    private static string Describe(IReadOnlyList<OtlpSpan>? trace) =>
        trace is null ? "no intake send span for the case yet" : string.Join("; ", trace.Select(s => $"{s.Service} {s.Kind} {s.Name}"));

    private static OtlpSpan Single(IReadOnlyList<OtlpSpan> trace, Func<OtlpSpan, bool> which)
    {
        var found = trace.Where(which).ToList();
        Assert.True(found.Count == 1, $"Expected one such span, found {found.Count} in: {Describe(trace)}");
        return found[0];
    }

    private async Task<string> SubmitAsync()
    {
        var posted = await system.Http.PostAsJsonAsync("/api/v1/cases", new
        {
            communityId = "ximen",
            kind = "grievance",
            category = "owners-committee",
            description = "业委会选举方案请社区组织协商",
            location = new { compound = "jishikou-east", building = "3" },
            contact = new { name = "赵女士", phone = "13905371111" },
        });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        return (await posted.Content.ReadFromJsonAsync<JsonObject>())!["caseId"]!.GetValue<string>();
    }

    // The trace as scripts/trace-screenshot.mjs draws it for docs/observability.md.
    private static async Task KeepForScreenshotAsync(IReadOnlyList<OtlpSpan> trace)
    {
        var folder = Path.Combine(RepoPaths.Root, "artifacts", "traces");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "case-trace.json"),
            JsonSerializer.Serialize(trace, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
    }
}
