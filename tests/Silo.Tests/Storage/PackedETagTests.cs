using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Tests.Storage;

public sealed class PackedETagTests
{
    [Theory]
    [InlineData("W/\"datetime'2026-11-27T08%3A41%3A12.1234567Z'\"")]
    [InlineData("W/\"datetime'2026-01-01T00%3A00%3A00.0000000Z'\"")]
    public void A_table_etag_is_packed_and_given_back_character_for_character(string etag)
    {
        var state = new PackedETag { Value = etag };

        Assert.True(state.IsPacked);
        Assert.Equal(etag, state.Value);
    }

    [Theory]
    [InlineData("\"0x8DC1A2B3C4D5E6F\"")]
    [InlineData("W/\"datetime'2026-11-27T08%3a41%3a12.1234567Z'\"")]
    [InlineData("W/\"datetime'2026-11-27T08%3A41%3A12.123Z'\"")]
    [InlineData("W/\"datetime'not a time'\"")]
    [InlineData("*")]
    [InlineData("")]
    public void Any_other_etag_is_kept_as_it_came(string etag)
    {
        var state = new PackedETag { Value = etag };

        Assert.False(state.IsPacked);
        Assert.Equal(etag, state.Value);
    }

    [Fact]
    public void A_new_etag_replaces_the_old_whatever_its_form_and_null_clears_it()
    {
        var state = new PackedETag { Value = "W/\"datetime'2026-11-27T08%3A41%3A12.1234567Z'\"" };

        state.Value = "\"other\"";
        Assert.Equal("\"other\"", state.Value);
        state.Value = "W/\"datetime'2026-11-27T09%3A00%3A00.5000000Z'\"";
        Assert.Equal("W/\"datetime'2026-11-27T09%3A00%3A00.5000000Z'\"", state.Value);
        state.Value = null;
        Assert.Null(state.Value);
        Assert.False(state.IsPacked);
    }
}
