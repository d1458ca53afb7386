namespace Gongzhi.Silo.Extensions;

/// <summary>
/// The silo's own clocks, as keyed <see cref="TimeProvider"/> services, apart from the one Orleans itself
/// reads. The domain clock says when deadlines fall, what time events carry and how shifts turn; tests
/// replace it to let days pass. The liveness clock paces polling and says when a gateway that stopped
/// renewing is gone: real seconds, even while days pass in a test. Both are the system clock in production.
/// </summary>
public static class Clocks
{
    public const string Domain = "domain";

    public const string Liveness = "liveness";
}
