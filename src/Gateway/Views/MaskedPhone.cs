namespace Gongzhi.Gateway.Views;

/// <summary>
/// A resident's phone number as staff first see it: the first three and last four characters, the rest starred
/// (<c>138****5678</c>), until one of them reveals it (<c>POST /api/v1/cases/{caseId}/phone</c>, each reveal audited).
/// </summary>
public static class MaskedPhone
{
    private const int Head = 3;
    private const int Tail = 4;

    public static string Of(string phone) =>
        phone.Length <= Head + Tail
            ? new string('*', phone.Length)
            : string.Concat(phone.AsSpan(0, Head), new string('*', phone.Length - Head - Tail), phone.AsSpan(phone.Length - Tail));

    /// <summary>The contact with its phone masked.</summary>
    public static ContactInfo Masked(this ContactInfo contact) => contact with { Phone = Of(contact.Phone) };
}
