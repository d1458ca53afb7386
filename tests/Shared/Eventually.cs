using System.Runtime.CompilerServices;

namespace Gongzhi.Testing;

/// <summary>
/// Waits for what a system does by itself and tells no one about: a one-way call taken in, a case read from the
/// queue, a grain timer retrying, silos noticing a dead one. It asks again every <see cref="Interval"/> until the
/// answer satisfies the condition; a call that fails meanwhile (the cluster healing) is asked again. The limit is
/// a safety net, never a timing claim; past it the test fails naming what it waited for and the last answer seen.
/// Where the system raises an event a test can await, the test awaits the event instead.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static readonly TimeSpan DefaultLimit = TimeSpan.FromMinutes(2);

    /// <summary>Reads until the answer satisfies <paramref name="done"/> and returns that answer.</summary>
    public static async Task<T> GetAsync<T>(
        Func<Task<T>> read,
        Func<T, bool> done,
        [CallerArgumentExpression(nameof(done))] string what = "",
        Func<T, string>? describe = null,
        TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? DefaultLimit);
        var last = "nothing yet";
        while (true)
        {
            try
            {
                var value = await read();
                if (done(value))
                {
                    return value;
                }

                last = describe is null ? $"{value}" : describe(value);
            }
            catch (Exception e)
            {
                last = $"{e.GetType().Name}: {e.Message}";
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {(within ?? DefaultLimit).TotalSeconds:0} s: {what}; last seen: {last}");
            }

            await Task.Delay(Interval);
        }
    }

    /// <summary>Asks until the condition holds.</summary>
    public static Task HoldsAsync(Func<Task<bool>> condition, [CallerArgumentExpression(nameof(condition))] string what = "", TimeSpan? within = null) =>
        GetAsync(condition, holds => holds, what, within: within);
}
