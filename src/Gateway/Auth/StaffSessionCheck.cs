using Gongzhi.Staff;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Gongzhi.Gateway.Auth;

/// <summary>
/// Refuses a well-signed token whose session has ended (signed out, password changed or reset, account disabled):
/// one call to the account's grain per staff request. A token of no session is a dev token, let through only while
/// <see cref="AuthOptions.DevTokens"/> is on.
/// </summary>
public static class StaffSessionCheck
{
    public static async Task OnTokenValidated(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var sessionId = principal.FindFirst(StaffRoles.SessionClaim)?.Value;
        if (sessionId is null)
        {
            if (!context.HttpContext.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.DevTokens)
            {
                context.Fail("The token belongs to no session.");
            }

            return;
        }

        var username = principal.Subject() ?? "";
        var stamp = principal.FindFirst(StaffRoles.StampClaim)?.Value ?? "";
        var account = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IStaffAccountGrain>(StaffUsernames.Normalize(username));
        if (!await account.IsSessionOpenAsync(sessionId, stamp))
        {
            context.Fail("The token's session has ended.");
        }
    }
}
