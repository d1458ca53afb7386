namespace Gongzhi.Time;

/// <summary>
/// Instants packed into one <see cref="long"/> for the objects a silo holds one of per case: a
/// <c>DateTimeOffset?</c> field takes 24 bytes, this 8. The value is the UTC ticks plus one, and 0 means
/// none, so a field left at its default reads as null. What comes back is the same instant at offset
/// zero (every instant the system makes comes from <see cref="TimeProvider.GetUtcNow"/>, already at zero).
/// </summary>
public static class PackedTime
{
    /// <summary>The packed form of <paramref name="at"/>; 0 for null.</summary>
    public static long Pack(DateTimeOffset? at) => at is { } t ? t.UtcTicks + 1 : 0;

    /// <summary>The instant packed in <paramref name="packed"/> at offset zero; null for 0.</summary>
    public static DateTimeOffset? Unpack(long packed) => packed == 0 ? null : new DateTimeOffset(packed - 1, TimeSpan.Zero);

    /// <summary>The instant packed in <paramref name="packed"/>, which must hold one.</summary>
    public static DateTimeOffset UnpackRequired(long packed) =>
        Unpack(packed) ?? throw new InvalidOperationException("No instant was packed here.");
}
