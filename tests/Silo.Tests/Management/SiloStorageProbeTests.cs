using Azure.Storage.Queues;
using Gongzhi.Silo.Intake;
using Gongzhi.Silo.Management;
using Gongzhi.Testing;
using Microsoft.Extensions.Options;

namespace Gongzhi.Silo.Tests.Management;

/// <summary>The storage half of the silo's readiness, against a real Azurite.</summary>
public sealed class SiloStorageProbeTests : IAsyncLifetime
{
    private AzuriteProcess _azurite = null!;

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task An_account_that_answers_is_ready_before_the_first_submission_has_made_the_intake_queue()
    {
        var probe = new SiloStorageProbe(new QueueServiceClient(_azurite.ConnectionString), Options.Create(new IntakeOptions()));

        Assert.True(await probe.AnswersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_account_that_does_not_answer_fails_the_probe()
    {
        var queues = new QueueServiceClient(_azurite.ConnectionString, new QueueClientOptions { Retry = { MaxRetries = 0 } });
        var probe = new SiloStorageProbe(queues, Options.Create(new IntakeOptions()));
        await _azurite.DisposeAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => probe.AnswersAsync(CancellationToken.None));
    }
}
