using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Storage.Queues;
using Gongzhi.Silo.Extensions;
using Gongzhi.Cases;
using Gongzhi.Intake;
using Gongzhi.Silo.Intake;
using Gongzhi.Silo.Telemetry;
using Gongzhi.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>The trace context a submission carries in its intake message: continued when there, never needed.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IntakeTracingTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>, IAsyncLifetime
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private AzuriteProcess _azurite = null!;
    private QueueClient _intake = null!;
    private QueueClient _poison = null!;
    private IntakeWorker _worker = null!;
    private ActivityListener _listener = null!;

    public async Task InitializeAsync()
    {
        _listener = new ActivityListener
        {
            // By name: reading SiloTracing.Source here would run its type initializer inside this callback when this test
            // is the first to touch it (a filtered run), and the source it is creating is not assigned yet.
            ShouldListenTo = s => s.Name == "Gongzhi.Silo",
            Sample = (ref ActivityCreationOptions<ActivityContext> o) => o.Parent.TraceId == default || o.Parent.TraceFlags.HasFlag(ActivityTraceFlags.Recorded)
                ? ActivitySamplingResult.AllDataAndRecorded
                : ActivitySamplingResult.None,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
        _azurite = await AzuriteProcess.StartAsync();
        var queues = new QueueServiceClient(_azurite.ConnectionString);
        var options = new IntakeOptions { RetryDelay = TimeSpan.Zero, VisibilityTimeout = TimeSpan.FromSeconds(30) };
        _intake = queues.GetQueueClient(options.QueueName);
        _poison = queues.GetQueueClient(options.PoisonQueueName);
        await _intake.CreateIfNotExistsAsync();
        await _poison.CreateIfNotExistsAsync();
        _worker = new IntakeWorker(queues, new GrainReferences(fixture.Client), new IntakeSignal(), Options.Create(options), new IntakeQueueWatch(fixture.Time), fixture.Time, NullLogger<IntakeWorker>.Instance);
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task A_submission_carrying_a_trace_context_is_processed_in_that_trace()
    {
        var community = await fixture.NewCommunityAsync(Cadre(UniqueCadreId("wang"), true, "heating"));
        var traceId = ActivityTraceId.CreateRandom();
        var sendSpanId = ActivitySpanId.CreateRandom();
        var submission = fixture.Submission(community) with { TraceParent = $"00-{traceId}-{sendSpanId}-01", TraceState = "gongzhi=test" };
        await _intake.SendMessageAsync(new IntakeMessage(1, [submission]).ToJson());

        await _worker.PumpOnceAsync(_intake, _poison, CancellationToken.None);

        Assert.Equal(CaseStatus.Assigned, (await fixture.Client.GetGrain<ICaseGrain>(submission.CaseId).GetAsync())!.Status);
        var span = ProcessSpan(submission.CaseId);
        Assert.Equal((traceId, sendSpanId, ActivityKind.Consumer), (span.TraceId, span.ParentSpanId, span.Kind));
        Assert.Equal("gongzhi=test", span.TraceStateString);
    }

    [Fact]
    public async Task A_message_written_without_trace_context_still_becomes_a_case_in_a_trace_of_its_own()
    {
        var community = await fixture.NewCommunityAsync(Cadre(UniqueCadreId("li"), true, "heating"));
        var submission = fixture.Submission(community);
        var body = new IntakeMessage(1, [submission]).ToJson();
        Assert.DoesNotContain("traceParent", body);
        await _intake.SendMessageAsync(body);

        await _worker.PumpOnceAsync(_intake, _poison, CancellationToken.None);

        Assert.Equal(CaseStatus.Assigned, (await fixture.Client.GetGrain<ICaseGrain>(submission.CaseId).GetAsync())!.Status);
        Assert.Empty((await _intake.PeekMessagesAsync()).Value);
        Assert.Equal(default, ProcessSpan(submission.CaseId).ParentSpanId);
    }

    [Fact]
    public async Task A_trace_context_that_cannot_be_read_does_not_keep_the_submission_from_becoming_a_case()
    {
        var community = await fixture.NewCommunityAsync(Cadre(UniqueCadreId("zhang"), true, "heating"));
        var submission = fixture.Submission(community) with { TraceParent = "not-a-trace-parent" };
        await _intake.SendMessageAsync(new IntakeMessage(1, [submission]).ToJson());

        await _worker.PumpOnceAsync(_intake, _poison, CancellationToken.None);

        Assert.Equal(CaseStatus.Assigned, (await fixture.Client.GetGrain<ICaseGrain>(submission.CaseId).GetAsync())!.Status);
        Assert.Empty((await _poison.PeekMessagesAsync()).Value);
        Assert.Equal(default, ProcessSpan(submission.CaseId).ParentSpanId);
    }

    private Activity ProcessSpan(string caseId) =>
        Assert.Single(_spans, s => s.OperationName == IntakeSpans.ProcessName && (string?)s.GetTagItem("gongzhi.case_id") == caseId);
}
