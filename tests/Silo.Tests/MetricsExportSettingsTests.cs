using Gongzhi.Hosting;
using Gongzhi.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Gongzhi.Silo.Tests;

/// <summary>Metrics follow the same OpenTelemetry variables as traces: service name, endpoints, the SDK switch.</summary>
public sealed class MetricsExportSettingsTests
{
    [Theory]
    [InlineData(null, null, null, false)]
    [InlineData("http://127.0.0.1:4317", null, null, true)]
    [InlineData(null, "http://127.0.0.1:4318/v1/metrics", null, true)]
    [InlineData("http://127.0.0.1:4317", null, "true", false)]
    [InlineData(null, "http://127.0.0.1:4318/v1/metrics", "TRUE", false)]
    public void Metrics_are_pushed_over_otlp_only_with_an_endpoint_and_not_when_the_sdk_is_disabled(
        string? endpoint, string? metricsEndpoint, string? disabled, bool expected)
    {
        var configuration = Configuration(("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint), ("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", metricsEndpoint), ("OTEL_SDK_DISABLED", disabled));

        Assert.Equal(expected, TelemetrySetup.MetricsExported(configuration));
    }

    [Theory]
    [InlineData(null, "gongzhi-silo")]
    [InlineData("", "gongzhi-silo")]
    [InlineData("county-silo", "county-silo")]
    public void The_metrics_service_name_is_otel_service_name_unless_it_is_empty(string? configured, string expected)
    {
        var services = new ServiceCollection();
        services.AddMetricsExport(Configuration(("OTEL_SERVICE_NAME", configured)), "gongzhi-silo", "Test.Meter");
        using var provider = services.BuildServiceProvider();

        // The SDK keeps the resource on its provider without a public getter.
        var meters = provider.GetRequiredService<MeterProvider>();
        var resource = (Resource)meters.GetType().GetProperty("Resource", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)!.GetValue(meters)!;

        Assert.Equal(expected, resource.Attributes.Single(a => a.Key == "service.name").Value);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
