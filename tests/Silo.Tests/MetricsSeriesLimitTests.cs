using System.Diagnostics.Metrics;
using Gongzhi.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace Gongzhi.Silo.Tests;

/// <summary>
/// How many series an instrument keeps in the export, as an operator reading <c>/metrics</c> sees it: the platform's
/// instruments fold tag sets past <see cref="MetricsExport.PlatformSeriesLimit"/> into one overflow series (the total is
/// kept), while our own per-community series and the HTTP server's per-route series keep OpenTelemetry's default.
/// Each test uses instrument names of its own: other tests of this process run silos with the same meters.
/// </summary>
public sealed class MetricsSeriesLimitTests
{
    private const string OwnMeter = "Gongzhi.Silo";

    [Fact]
    public void A_platform_instrument_folds_the_tag_sets_past_its_limit_into_one_overflow_series_and_keeps_the_total()
    {
        using var export = new Export();
        using var meter = new Meter("Microsoft.Orleans");
        var calls = meter.CreateCounter<long>("test-series-limit-platform");
        var tagSets = MetricsExport.PlatformSeriesLimit + 50;

        for (var i = 0; i < tagSets; i++)
        {
            calls.Add(1, new KeyValuePair<string, object?>("type", $"grain-{i}"));
        }

        var points = export.Points("test-series-limit-platform");
        Assert.InRange(points.Count, MetricsExport.PlatformSeriesLimit - 1, MetricsExport.PlatformSeriesLimit + 1);
        Assert.Contains(points, p => p.Overflow && p.Count > 1);
        Assert.Equal(tagSets, points.Sum(p => p.Count));
    }

    [Fact]
    public void Our_own_per_community_series_are_not_folded_at_the_platform_limit()
    {
        using var export = new Export();
        using var meter = new Meter(OwnMeter);
        var communities = MetricsExport.PlatformSeriesLimit * 5;
        meter.CreateObservableGauge("test-series-limit-own", () => Enumerable.Range(0, communities)
            .Select(i => new Measurement<int>(1, new KeyValuePair<string, object?>("community", $"community-{i}"))));

        var points = export.Points("test-series-limit-own");

        Assert.Equal(communities, points.Count);
        Assert.DoesNotContain(points, p => p.Overflow);
    }

    [Fact]
    public void The_http_server_keeps_a_series_per_route_past_the_platform_limit()
    {
        using var export = new Export();
        using var meter = new Meter("Microsoft.AspNetCore.Hosting.Test");
        var requests = meter.CreateHistogram<double>(MetricsExport.HttpServerDuration, "s");
        var routes = MetricsExport.PlatformSeriesLimit * 3;

        for (var i = 0; i < routes; i++)
        {
            requests.Record(0.01, new KeyValuePair<string, object?>("http.route", $"/api/v1/test/{i}"));
        }

        var points = export.Points(MetricsExport.HttpServerDuration, meter.Name);
        Assert.Equal(routes, points.Count);
        Assert.DoesNotContain(points, p => p.Overflow);
    }

    [Fact]
    public void A_platform_histogram_keeps_the_buckets_its_instrument_advises()
    {
        using var export = new Export();
        using var meter = new Meter("System.Net.Http");
        double[] bounds = [0.005, 0.01, 0.1, 1, 10];
        var duration = meter.CreateHistogram<double>("test-series-limit-advice", "s", null, null, new InstrumentAdvice<double> { HistogramBucketBoundaries = bounds });

        duration.Record(0.05);

        Assert.Equal(bounds, export.Bounds("test-series-limit-advice"));
    }

    /// <summary>One exported series: whether it is the overflow series, and its count (a counter's sum, a histogram's count, a gauge's value).</summary>
    private sealed record Point(bool Overflow, long Count);

    /// <summary>The export as <see cref="MetricsExport.AddMetricsExport"/> sets it up, read through an in-memory exporter.</summary>
    private sealed class Export : IDisposable
    {
        private readonly List<MetricSnapshot> _exported = [];
        private readonly ServiceProvider _services;
        private readonly MeterProvider _meters;

        public Export()
        {
            var services = new ServiceCollection();
            services.AddMetricsExport(new ConfigurationBuilder().Build(), "gongzhi-silo", OwnMeter);
            services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(_exported));
            _services = services.BuildServiceProvider();
            _meters = _services.GetRequiredService<MeterProvider>();
        }

        public List<Point> Points(string instrument, string? meter = null)
        {
            var metric = Collect(instrument, meter);
            var points = new List<Point>();
            foreach (var point in metric.MetricPoints)
            {
                var overflow = false;
                foreach (var tag in point.Tags)
                {
                    overflow |= tag.Key == "otel.metric.overflow";
                }

                points.Add(new Point(overflow, metric.MetricType switch
                {
                    MetricType.Histogram => point.GetHistogramCount(),
                    MetricType.LongSum => point.GetSumLong(),
                    _ => point.GetGaugeLastValueLong(),
                }));
            }

            return points;
        }

        public List<double> Bounds(string instrument)
        {
            var bounds = new List<double>();
            foreach (var bucket in Collect(instrument, null).MetricPoints.Single().GetHistogramBuckets())
            {
                if (double.IsFinite(bucket.ExplicitBound))
                {
                    bounds.Add(bucket.ExplicitBound);
                }
            }

            return bounds;
        }

        private MetricSnapshot Collect(string instrument, string? meter)
        {
            _exported.Clear();
            _meters.ForceFlush();
            return _exported.Single(m => m.Name == instrument && (meter is null || m.MeterName == meter));
        }

        public void Dispose() => _services.Dispose();
    }
}
