namespace Gongzhi.Silo.Tests;

/// <summary>
/// Waits for what a cluster does on its own after a fault: a grain timer retrying a follow-up, silos noticing a dead
/// one. Neither raises an event a test could await, so it asks again at <see cref="Interval"/> until the condition
/// holds; calls that fail while the cluster heals are asked again. The limit is a safety net, never a timing claim.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, $"Not within two minutes: {what}");
            await Task.Delay(Interval);
        }
    }
}
