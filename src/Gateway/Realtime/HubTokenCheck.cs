using Microsoft.AspNetCore.Authentication;

namespace Gongzhi.Gateway.Realtime;

/// <summary>
/// The hub admits anonymous callers (residents follow a case by tracking token), so a staff token the server refuses —
/// expired, its session ended, forged — would otherwise connect as an anonymous resident and fail only later, at a
/// staff method or the page's next API call. Instead the negotiation and the connect answer 401 at once, so a page
/// whose session ended on the server (disabled, password changed, signed out elsewhere) learns it from its reconnect.
/// </summary>
public static class HubTokenCheck
{
    public static IApplicationBuilder UseHubTokenCheck(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(DispatchHub.Path), hub => hub.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated != true && BearerTokens.Of(context.Request) is not null)
            {
                await context.ChallengeAsync();
                return;
            }

            await next(context);
        }));
}
