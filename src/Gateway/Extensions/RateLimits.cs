using System.Globalization;
using System.Threading.RateLimiting;
using Gongzhi.Gateway.Realtime;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Gongzhi.Gateway.Extensions;

/// <summary>
/// ASP.NET Core's rate limiter, per client address (the forwarded one only from a configured proxy): one fixed
/// window per address for the public API, one for sign-in, one for hub connects, one for residents' photo uploads. Chosen by path and by the
/// endpoint's <see cref="IAllowAnonymous"/>, so a public route added later is limited without naming it here.
/// </summary>
public static class RateLimits
{
    public const string Anonymous = "anonymous";

    public const string SignIn = "sign-in";

    public const string HubConnect = "hub-connect";

    /// <summary>A resident's photo upload (<see cref="PhotoUploadPath"/>): a few megabytes each, so far fewer than other public calls.</summary>
    public const string PhotoUpload = "photo-upload";

    public const string PhotoUploadPath = "/api/v1/photos";

    /// <summary>The identity API's sign-in route, limited as <see cref="SignIn"/>.</summary>
    public const string SignInPath = "/api/v1/auth/login";

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => new[] { o.Anonymous, o.SignIn, o.HubConnect, o.PhotoUpload }.All(w => w.PermitLimit >= 1 && w.Window > TimeSpan.Zero),
                "Every window under RateLimits needs a PermitLimit of at least 1 and a positive Window.")
            .ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>Limits requests unless <c>RateLimits:Enabled</c> is false.</summary>
    public static WebApplication UseGatewayRateLimits(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled)
        {
            app.UseRateLimiter();
        }

        return app;
    }

    /// <summary>Which limit a request counts against, or null for none (staff routes, pages, static files, health).</summary>
    public static string? KindOf(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase))
        {
            return SignIn;
        }

        if (path.Equals(PhotoUploadPath, StringComparison.OrdinalIgnoreCase) && HttpMethods.IsPost(context.Request.Method))
        {
            return PhotoUpload;
        }

        if (path.StartsWithSegments(DispatchHub.Path + "/negotiate") || (path.Equals(DispatchHub.Path) && context.WebSockets.IsWebSocketRequest))
        {
            return HubConnect;
        }

        // Open311's public routes count as the public API does (its posts also against the client's own api_key limit).
        return (path.StartsWithSegments("/api") || path.StartsWithSegments("/open311")) && context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null ? Anonymous : null;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        if (KindOf(context) is not { } kind)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var window = kind switch { SignIn => options.SignIn, HubConnect => options.HubConnect, PhotoUpload => options.PhotoUpload, _ => options.Anonymous };
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter($"{kind} {address}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = window.PermitLimit,
            Window = window.Window,
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Too many requests from this address; try again in {seconds} s.",
                Extensions = { ["code"] = RefusalCodes.RateLimited, ["args"] = new Dictionary<string, string> { ["retryAfter"] = seconds } },
            },
        });
    }
}
