using Gongzhi.Time;

namespace Gongzhi.Domain.Tests;

public class PackedTimeTests
{
    [Fact]
    public void Null_packs_to_zero_and_zero_reads_as_null()
    {
        Assert.Equal(0, PackedTime.Pack(null));
        Assert.Null(PackedTime.Unpack(0));
        Assert.Throws<InvalidOperationException>(() => PackedTime.UnpackRequired(0));
    }

    [Theory]
    [InlineData("2026-11-27T08:41:12.1234567+00:00")]
    [InlineData("0001-01-01T00:00:00+00:00")]
    [InlineData("9999-12-31T23:59:59.9999999+00:00")]
    public void An_instant_comes_back_to_the_tick(string text)
    {
        var at = DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        var back = PackedTime.Unpack(PackedTime.Pack(at));

        Assert.Equal(at, back);
        Assert.Equal(at.UtcTicks, back!.Value.UtcTicks);
        Assert.Equal(TimeSpan.Zero, back.Value.Offset);
    }

    [Fact]
    public void An_instant_at_another_offset_comes_back_as_the_same_instant_at_zero()
    {
        var beijing = new DateTimeOffset(2026, 11, 27, 16, 41, 0, TimeSpan.FromHours(8));

        var back = PackedTime.UnpackRequired(PackedTime.Pack(beijing));

        Assert.Equal(beijing, back);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 41, 0, TimeSpan.Zero), back);
        Assert.Equal(TimeSpan.Zero, back.Offset);
    }
}
