using FsCheck;
using FsCheck.Xunit;
using Gongzhi.Gateway.Apis;
using Gongzhi.Gateway.Views;

namespace Gongzhi.Gateway.Tests.Fuzzing;

/// <summary>Properties of the input checks that hold for any input FsCheck finds: limits, photo sniffing, phone masking.</summary>
public sealed class InputPropertyTests
{
    [Property(MaxTest = 300)]
    public bool A_text_passes_its_limit_exactly_when_it_is_no_longer_than_the_limit(string? text, PositiveInt limit) =>
        (new FieldChecks().Optional(text, "field", limit.Get).Problem is null) == (text is null || text.Length <= limit.Get);

    [Property(MaxTest = 300)]
    public bool Bytes_that_begin_as_markup_or_script_are_never_taken_for_a_photo(byte[] rest, bool svg) =>
        PhotoTypes.Sniff([.. (svg ? "<svg "u8 : "<!doctype html>"u8), .. rest]) is null;

    [Property(MaxTest = 300)]
    public bool Whatever_is_sniffed_as_a_photo_begins_with_that_format_s_magic_number(byte[] bytes) =>
        PhotoTypes.Sniff(bytes) switch
        {
            null => true,
            "image/png" => bytes[0] == 0x89 && bytes[1] == 0x50,
            "image/jpeg" => bytes[0] == 0xFF && bytes[1] == 0xD8,
            "image/webp" => bytes[0] == (byte)'R' && bytes[8] == (byte)'W',
            _ => false,
        };

    [Property(MaxTest = 300)]
    public bool A_masked_phone_keeps_its_length_and_shows_at_most_its_first_three_and_last_four_characters(NonNull<string> phone)
    {
        var text = phone.Get;
        var masked = MaskedPhone.Of(text);
        return masked.Length == text.Length
            && Enumerable.Range(0, text.Length).All(i => masked[i] == '*' || (text.Length > 7 && (i < 3 || i >= text.Length - 4) && masked[i] == text[i]));
    }
}
