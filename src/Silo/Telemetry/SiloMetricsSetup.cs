using Azure.Storage.Queues;
using Gongzhi.Hosting;
using Gongzhi.Silo.Extensions;
using Gongzhi.Silo.Intake;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gongzhi.Silo.Telemetry;

/// <summary>Wires the silo's metrics: the instruments every silo (test clusters too) feeds, and their export.</summary>
public static class SiloMetricsSetup
{
    /// <summary>The instruments and what feeds them; grains and the intake worker take them from here.</summary>
    public static IServiceCollection AddSiloMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<CommunityBacklog>();
        services.AddSingleton<IntakeQueueWatch>();
        services.AddSingleton<SiloMetrics>();
        return services;
    }

    /// <summary>Export (Prometheus on the management port, OTLP by environment) and the intake queue's depth poll.</summary>
    public static IHostApplicationBuilder AddSiloMetricsExport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMetricsExport(builder.Configuration, SiloTracing.ServiceName, SiloMetrics.MeterName);
        builder.Services.AddSingleton(sp => new QueueLengthPoll(
            IntakeQueues(sp.GetRequiredService<QueueServiceClient>(), sp.GetRequiredService<IOptions<IntakeOptions>>().Value.QueueName),
            sp.GetRequiredKeyedService<TimeProvider>(Clocks.Liveness),
            sp.GetRequiredService<ILogger<QueueLengthPoll>>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<QueueLengthPoll>());
        builder.Services.AddHostedService<InstrumentsAtStart>();
        return builder;
    }

    // The depth is the backlog of both intake queues: the first and the batched one.
    private static QueueClient[] IntakeQueues(QueueServiceClient queues, string queueName) =>
        [queues.GetQueueClient(queueName), queues.GetQueueClient(Gongzhi.Intake.IntakeMessage.BatchedQueueOf(queueName))];

    /// <summary>
    /// Creates the instruments when the silo starts rather than when its first case grain needs them, so a silo that has
    /// activated no case yet (a fresh restart, intake stuck) still exports its backlog and intake-queue gauges.
    /// </summary>
    private sealed class InstrumentsAtStart(SiloMetrics metrics) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult(metrics);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
