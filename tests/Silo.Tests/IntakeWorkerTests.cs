using Azure.Storage.Queues;
using Gongzhi.Cases;
using Gongzhi.Intake;
using Gongzhi.Silo.Extensions;
using Gongzhi.Silo.Intake;
using Gongzhi.Storage;
using Gongzhi.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Gongzhi.Silo.Tests.ClusterFixture;

using Gongzhi.Silo.Telemetry;

namespace Gongzhi.Silo.Tests;

/// <summary>The intake worker against a real Azurite queue and the test cluster's grains.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IntakeWorkerTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>, IAsyncLifetime
{
    private AzuriteProcess _azurite = null!;
    private QueueClient _intake = null!;
    private QueueClient _poison = null!;
    private IntakeWorker _worker = null!;
    private QueueServiceClient _queues = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        var queues = new QueueServiceClient(_azurite.ConnectionString);
        var options = new IntakeOptions { RetryDelay = TimeSpan.Zero, VisibilityTimeout = TimeSpan.FromSeconds(30) };
        _intake = queues.GetQueueClient(options.QueueName);
        _poison = queues.GetQueueClient(options.PoisonQueueName);
        await _intake.CreateIfNotExistsAsync();
        await _poison.CreateIfNotExistsAsync();
        _queues = queues;
        _worker = new IntakeWorker(queues, new GrainReferences(fixture.Client), new IntakeSignal(), Options.Create(options), new IntakeQueueWatch(fixture.Time), fixture.Time, NullLogger<IntakeWorker>.Instance);
    }

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task A_batch_of_submissions_becomes_cases_and_the_messages_are_deleted()
    {
        var community = await fixture.NewCommunityAsync(Cadre(UniqueCadreId("wang"), true, "heating"));
        var submissions = Enumerable.Range(0, 5).Select(_ => fixture.Submission(community)).ToArray();
        foreach (var s in submissions)
        {
            await _intake.SendMessageAsync(new IntakeMessage(1, [s]).ToJson());
        }

        var taken = await _worker.PumpOnceAsync(_intake, _poison, CancellationToken.None);

        Assert.Equal(5, taken);
        foreach (var s in submissions)
        {
            Assert.Equal(CaseStatus.Assigned, (await fixture.Client.GetGrain<ICaseGrain>(s.CaseId).GetAsync())!.Status);
        }

        Assert.Equal(0, (await _intake.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_message_of_the_batched_queue_becomes_a_case_kept_in_the_shared_partitions()
    {
        var community = await fixture.NewCommunityAsync(Cadre(UniqueCadreId("wang"), true, "heating"));
        var submission = fixture.Submission(community);
        var batched = _queues.GetQueueClient(IntakeMessage.BatchedQueueOf(_intake.Name));
        await batched.CreateIfNotExistsAsync();
        await batched.SendMessageAsync(new IntakeMessage(IntakeMessage.BatchedVersion, [submission]).ToJson());

        Assert.Equal(1, await _worker.PumpOnceAsync(batched, _poison, CancellationToken.None));

        Assert.Equal(CaseStatus.Assigned, (await fixture.Client.GetGrain<ICaseGrain>(submission.CaseId).GetAsync())!.Status);
        Assert.Equal(1, fixture.Faults.Count(c => c.Key == submission.CaseId && c.IsWrite && c.StateName == Gongzhi.Silo.Storage.StorageNames.Shared("case")));
        Assert.Equal(0, fixture.Faults.Count(c => c.Key == submission.CaseId && c.StateName == "case"));
        Assert.Equal(0, (await batched.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_submission_whose_community_is_not_there_yet_is_retried_past_any_count_and_becomes_a_case_once_it_is()
    {
        // No community of that id is configured yet (a transient state: seeding may be under way), so dispatch fails.
        var later = "c-later-" + Guid.NewGuid().ToString("N")[..8];
        var submission = fixture.Submission(later);
        await _intake.SendMessageAsync(new IntakeMessage(1, [submission]).ToJson());

        for (var attempt = 1; attempt <= 8; attempt++)
        {
            Assert.Equal(1, await _worker.PumpOnceAsync(_intake, _poison, CancellationToken.None));
            Assert.Single((await _intake.PeekMessagesAsync()).Value);
            Assert.Empty((await _poison.PeekMessagesAsync()).Value);
        }

        await fixture.Client.GetGrain<Gongzhi.Communities.ICommunityGrain>(later)
            .ConfigureAsync(new Gongzhi.Communities.CommunityDefinition(Info(later), [Cadre(UniqueCadreId("li"), true, "heating")]));
        await _worker.PumpOnceAsync(_intake, _poison, CancellationToken.None);

        Assert.Equal(CaseStatus.Assigned, (await fixture.Client.GetGrain<ICaseGrain>(submission.CaseId).GetAsync())!.Status);
        Assert.Empty((await _intake.PeekMessagesAsync()).Value);
        Assert.Empty((await _poison.PeekMessagesAsync()).Value);
    }

    [Fact]
    public async Task Storage_failing_under_the_case_many_times_in_a_row_delays_the_case_but_never_poisons_it()
    {
        var community = await fixture.NewCommunityAsync(Cadre(UniqueCadreId("wang"), true, "heating"));
        var submission = fixture.Submission(community);
        fixture.Faults.Inject(c => c.IsWrite && c.Key == submission.CaseId, Faults.StorageFault.FailsBeforeStoring, times: 7);
        await _intake.SendMessageAsync(new IntakeMessage(1, [submission]).ToJson());

        for (var attempt = 1; attempt <= 8; attempt++)
        {
            await _worker.PumpOnceAsync(_intake, _poison, CancellationToken.None);
        }

        var theCase = (await fixture.Client.GetGrain<ICaseGrain>(submission.CaseId).GetAsync())!;
        Assert.Equal(CaseStatus.Assigned, theCase.Status);
        Assert.Single(theCase.Timeline, e => e.Type == CaseEventType.Submitted);
        Assert.Empty((await _intake.PeekMessagesAsync()).Value);
        Assert.Empty((await _poison.PeekMessagesAsync()).Value);
    }

    [Fact]
    public async Task A_message_still_failing_past_its_age_limit_moves_to_the_poison_queue_and_is_not_lost()
    {
        var submission = fixture.Submission("nowhere-" + Guid.NewGuid().ToString("N")[..8]);
        var body = new IntakeMessage(1, [submission]).ToJson();
        await _intake.SendMessageAsync(body);
        // The worker's clock reads two days after the message was queued; the limit is one.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromDays(2));
        var options = new IntakeOptions { RetryDelay = TimeSpan.Zero, MaxMessageAge = TimeSpan.FromDays(1) };
        using var worker = new IntakeWorker(_queues, new GrainReferences(fixture.Client), new IntakeSignal(), Options.Create(options), new IntakeQueueWatch(clock), clock, NullLogger<IntakeWorker>.Instance);

        Assert.Equal(1, await worker.PumpOnceAsync(_intake, _poison, CancellationToken.None));

        Assert.Empty((await _intake.PeekMessagesAsync()).Value);
        Assert.Equal(body, Assert.Single((await _poison.PeekMessagesAsync()).Value).Body.ToString());
    }

    [Fact]
    public async Task A_message_that_is_not_json_goes_to_the_poison_queue_at_its_first_delivery()
    {
        await _intake.SendMessageAsync("this is not a submission");

        await _worker.PumpOnceAsync(_intake, _poison, CancellationToken.None);

        Assert.Empty((await _intake.PeekMessagesAsync()).Value);
        Assert.Equal("this is not a submission", Assert.Single((await _poison.PeekMessagesAsync()).Value).Body.ToString());
    }

    [Fact]
    public async Task A_submission_its_community_refuses_is_set_aside_at_once_and_the_rest_of_its_message_becomes_cases()
    {
        var community = await fixture.NewCommunityAsync(Cadre(UniqueCadreId("wang"), true, "heating"));
        var good = new[] { fixture.Submission(community), fixture.Submission(community) };
        var refused = fixture.Submission(community, category: "no-such-category");
        await _intake.SendMessageAsync(IntakeMessage.Compose([IntakeMessage.ToJson(good[0]), IntakeMessage.ToJson(refused), IntakeMessage.ToJson(good[1])]));

        await _worker.PumpOnceAsync(_intake, _poison, CancellationToken.None);

        Assert.Empty((await _intake.PeekMessagesAsync()).Value);
        var poisoned = IntakeMessage.Parse(Assert.Single((await _poison.PeekMessagesAsync()).Value).Body.ToString());
        Assert.Equal([refused.CaseId], poisoned.Submissions.Select(s => s.CaseId));
        foreach (var s in good)
        {
            Assert.Equal(CaseStatus.Assigned, (await fixture.Client.GetGrain<ICaseGrain>(s.CaseId).GetAsync())!.Status);
        }

        Assert.Null(await fixture.Client.GetGrain<ICaseGrain>(refused.CaseId).GetAsync());
    }

    [Fact]
    public async Task The_submissions_of_one_message_all_become_cases_and_then_the_message_is_deleted()
    {
        var community = await fixture.NewCommunityAsync(Cadre(UniqueCadreId("wang"), true, "heating"));
        var submissions = Enumerable.Range(0, 6).Select(_ => fixture.Submission(community)).ToArray();
        await _intake.SendMessageAsync(IntakeMessage.Compose(submissions.Select(IntakeMessage.ToJson)));

        Assert.Equal(1, await _worker.PumpOnceAsync(_intake, _poison, CancellationToken.None));

        foreach (var s in submissions)
        {
            Assert.Equal(CaseStatus.Assigned, (await fixture.Client.GetGrain<ICaseGrain>(s.CaseId).GetAsync())!.Status);
        }

        Assert.Empty((await _intake.PeekMessagesAsync()).Value);
    }

    [Fact]
    public async Task A_message_is_kept_until_every_submission_in_it_is_persisted_and_a_retry_makes_no_duplicates()
    {
        var community = await fixture.NewCommunityAsync(Cadre(UniqueCadreId("wang"), true, "heating"));
        var later = "c-later-" + Guid.NewGuid().ToString("N")[..8];
        var good = new[] { fixture.Submission(community), fixture.Submission(community) };
        var waiting = fixture.Submission(later); // its community is not configured yet, so it fails
        await _intake.SendMessageAsync(IntakeMessage.Compose([.. good.Select(IntakeMessage.ToJson), IntakeMessage.ToJson(waiting)]));

        await _worker.PumpOnceAsync(_intake, _poison, CancellationToken.None);

        Assert.Single((await _intake.PeekMessagesAsync()).Value);
        Assert.All(await Task.WhenAll(good.Select(s => fixture.Client.GetGrain<ICaseGrain>(s.CaseId).GetAsync())), c => Assert.NotNull(c));

        await fixture.Client.GetGrain<Gongzhi.Communities.ICommunityGrain>(later)
            .ConfigureAsync(new Gongzhi.Communities.CommunityDefinition(Info(later), [Cadre(UniqueCadreId("li"), true, "heating")]));
        await _worker.PumpOnceAsync(_intake, _poison, CancellationToken.None);

        Assert.Empty((await _intake.PeekMessagesAsync()).Value);
        Assert.Empty((await _poison.PeekMessagesAsync()).Value);
        Assert.NotNull(await fixture.Client.GetGrain<ICaseGrain>(waiting.CaseId).GetAsync());
        foreach (var s in good)
        {
            var theCase = (await fixture.Client.GetGrain<ICaseGrain>(s.CaseId).GetAsync())!;
            Assert.Single(theCase.Timeline, e => e.Type == CaseEventType.Submitted);
        }
    }

    [Fact]
    public async Task A_gateway_signal_wakes_the_idle_worker_long_before_its_idle_poll()
    {
        var community = await fixture.NewCommunityAsync(Cadre(UniqueCadreId("wang"), true, "heating"));
        var signal = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IntakeSignal>();
        // A clock that never moves: without the signal, the worker's next poll never comes.
        var options = new IntakeOptions { IdleDelay = TimeSpan.FromHours(1), RetryDelay = TimeSpan.Zero };
        using var worker = new IntakeWorker(_queues, new GrainReferences(fixture.Client), signal, Options.Create(options), new IntakeQueueWatch(TimeProvider.System), new FakeTimeProvider(), NullLogger<IntakeWorker>.Instance);
        // The first case is there for the worker's first read; after it, the queue is empty and the worker idles. Gateways
        // write the batched queue, and only its reads wake on a signal.
        var batched = _queues.GetQueueClient(IntakeMessage.BatchedQueueOf(_intake.Name));
        await batched.CreateIfNotExistsAsync();
        var first = fixture.Submission(community);
        await batched.SendMessageAsync(new IntakeMessage(IntakeMessage.BatchedVersion, [first]).ToJson());
        await worker.StartAsync(CancellationToken.None);
        try
        {
            await ArrivesAsync(first.CaseId);

            var second = fixture.Submission(community);
            await batched.SendMessageAsync(new IntakeMessage(IntakeMessage.BatchedVersion, [second]).ToJson());
            await fixture.Client.GetGrain<IIntakeSignalGrain>(0).WakeAsync();

            await ArrivesAsync(second.CaseId);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task After_a_batch_that_emptied_the_queue_the_worker_waits_to_be_woken_instead_of_reading_it_again()
    {
        var community = await fixture.NewCommunityAsync(Cadre(UniqueCadreId("wang"), true, "heating"));
        var counter = new StorageRequestCounter();
        var queues = new QueueServiceClient(_azurite.ConnectionString, StorageRequestCounter.Counted(new QueueClientOptions(), counter, "queue"));
        var batched = queues.GetQueueClient(IntakeMessage.BatchedQueueOf(_intake.Name));
        await batched.CreateIfNotExistsAsync();
        var submission = fixture.Submission(community);
        await batched.SendMessageAsync(new IntakeMessage(IntakeMessage.BatchedVersion, [submission]).ToJson());
        // A clock that never moves: the worker reads again only when woken.
        var options = new IntakeOptions { IdleDelay = TimeSpan.FromHours(1), RetryDelay = TimeSpan.Zero };
        using var worker = new IntakeWorker(queues, new GrainReferences(fixture.Client), new IntakeSignal(), Options.Create(options), new IntakeQueueWatch(TimeProvider.System), new FakeTimeProvider(), NullLogger<IntakeWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            await ArrivesAsync(submission.CaseId);
            await Eventually.GetAsync(() => Task.FromResult(Requests(counter, batched, "DELETE")), n => n == 1, "the message is deleted", n => $"{n} deletes");

            // One message, less than a full batch: the queue was drained, and reading it again would cost a request for nothing.
            Assert.Equal(1, Requests(counter, batched, "GET"));
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    private static long Requests(StorageRequestCounter counter, QueueClient queue, string method) =>
        counter.Snapshot().GetValueOrDefault($"queue:{queue.Name}:{method}");

    private Task ArrivesAsync(string caseId) => fixture.Client.CaseWhenAsync(caseId, _ => true);
}
