using Gongzhi.Cases;

namespace Gongzhi.Domain;

/// <summary>
/// Instants as a silo holds them in memory for each case (issue 5, S4: 100,000 cases within 400 MB): one
/// <see cref="long"/> of UTC ticks plus one (0 for none), where a <c>DateTimeOffset?</c> field takes 24 bytes.
/// Only private fields of the silo's own objects use it; their properties, the wire records and the stored
/// JSON stay plain <see cref="DateTimeOffset"/>s (D11-packing-4). What comes back is the instant at offset zero,
/// as every instant the system makes is (<see cref="TimeProvider.GetUtcNow"/>).
/// </summary>
internal static class PackedInstant
{
    public static long Pack(DateTimeOffset? at) => at is { } t ? t.UtcTicks + 1 : 0;

    public static DateTimeOffset? Unpack(long packed) => packed == 0 ? null : new DateTimeOffset(packed - 1, TimeSpan.Zero);
}

/// <summary>A case's <see cref="CaseDeadlines"/> packed into 32 bytes inside its record, in place of a 112-byte object.</summary>
internal readonly struct PackedDeadlines
{
    private readonly long _offerExpiresAt;
    private readonly long _acknowledgeBy;
    private readonly long _resolveBy;
    private readonly long _rateBy;

    public PackedDeadlines(CaseDeadlines deadlines)
    {
        _offerExpiresAt = PackedInstant.Pack(deadlines.OfferExpiresAt);
        _acknowledgeBy = PackedInstant.Pack(deadlines.AcknowledgeBy);
        _resolveBy = PackedInstant.Pack(deadlines.ResolveBy);
        _rateBy = PackedInstant.Pack(deadlines.RateBy);
    }

    public CaseDeadlines Unpack() =>
        (_offerExpiresAt | _acknowledgeBy | _resolveBy | _rateBy) == 0
            ? CaseDeadlines.None
            : new(PackedInstant.Unpack(_offerExpiresAt), PackedInstant.Unpack(_acknowledgeBy), PackedInstant.Unpack(_resolveBy), PackedInstant.Unpack(_rateBy));
}
