using System.Text;

namespace Gongzhi.Staff;

/// <summary>How a username becomes the key of its account grain: the same in the gateway's sign-in and the silo's seeding.</summary>
public static class StaffUsernames
{
    /// <summary>The key of <paramref name="username"/>'s account: trimmed, compatibility-normalised, lower case.</summary>
    public static string Normalize(string username)
    {
        var trimmed = username.Trim();
        try
        {
            return trimmed.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            // Not valid Unicode (a lone surrogate): no account has such a name, so any key that finds none will do.
            return trimmed.ToLowerInvariant();
        }
    }
}
