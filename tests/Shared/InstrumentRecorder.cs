using System.Diagnostics.Metrics;

namespace Gongzhi.Testing;

/// <summary>
/// Records one instrument's measurements, only from the meters of one <see cref="IMeterFactory"/> (one process's
/// services), so that other hosts running in the same test process do not count.
/// </summary>
public sealed class InstrumentRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(double Value, IReadOnlyDictionary<string, object?> Tags)> _measurements = [];

    public InstrumentRecorder(IMeterFactory scope, string meterName, string instrumentName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && instrument.Name == instrumentName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) => Add(value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, _) => Add(value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) => Add(value, tags));
        _listener.Start();
    }

    /// <summary>The sum of what was recorded (a counter's increase since the recorder started).</summary>
    public double Sum
    {
        get
        {
            lock (_measurements)
            {
                return _measurements.Sum(m => m.Value);
            }
        }
    }

    /// <summary>Everything recorded so far, with its tags.</summary>
    public IReadOnlyList<(double Value, IReadOnlyDictionary<string, object?> Tags)> Measurements
    {
        get
        {
            lock (_measurements)
            {
                return [.. _measurements];
            }
        }
    }

    /// <summary>Reads the observable instruments once (their callbacks report into <see cref="Measurements"/>).</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    public void Clear()
    {
        lock (_measurements)
        {
            _measurements.Clear();
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Add(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_measurements)
        {
            _measurements.Add((value, copy));
        }
    }
}
