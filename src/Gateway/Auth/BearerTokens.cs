using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Gongzhi.Gateway.Auth;

/// <summary>Where a request carries a bearer token.</summary>
public static class BearerTokens
{
    /// <summary>
    /// The bearer token of a request: the Authorization header; on the hub the <c>access_token</c> query a browser's
    /// WebSocket must use; under <c>/ops</c> the ops ticket's cookie, since a browser tab's navigation carries no header.
    /// </summary>
    public static string? Of(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        return request.Path.StartsWithSegments(Realtime.DispatchHub.Path) && request.Query["access_token"] is [{ } token, ..] ? token : Ops.OpsTicket.Of(request);
    }

    /// <summary>The JwtBearer event of both schemes: browsers cannot set headers on WebSockets, so the hub also takes the query.</summary>
    public static Task OnMessageReceived(MessageReceivedContext context)
    {
        context.Token = Of(context.Request);
        return Task.CompletedTask;
    }
}
