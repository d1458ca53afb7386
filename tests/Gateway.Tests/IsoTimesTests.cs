using Gongzhi.Gateway.Apis;

namespace Gongzhi.Gateway.Tests;

public sealed class IsoTimesTests
{
    [Theory]
    [InlineData("2026-11-28T10:00:00+08:00", "2026-11-28T02:00:00Z")]
    [InlineData("2026-11-28T10:00+08:00", "2026-11-28T02:00:00Z")]
    [InlineData("2026-11-28T02:00:00.1234567Z", "2026-11-28T02:00:00.1234567Z")]
    [InlineData(" 2026-11-28 10:00:00-05:00 ", "2026-11-28T15:00:00Z")]
    public void A_time_with_its_offset_is_read_as_that_instant(string text, string instant)
    {
        Assert.True(IsoTimes.TryParse(text, out var value));
        Assert.Equal(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-11-28T10:00:00")]
    [InlineData("2026-11-28")]
    [InlineData("明天上午十点")]
    [InlineData("2026-13-28T10:00:00Z")]
    public void A_time_without_an_offset_or_not_a_time_is_refused(string? text) =>
        Assert.False(IsoTimes.TryParse(text, out _));
}
