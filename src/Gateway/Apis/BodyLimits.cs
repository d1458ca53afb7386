using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Gongzhi.Gateway.Apis;

/// <summary>
/// How many bytes of a request body a route reads: its own <see cref="IRequestSizeLimitMetadata"/> (the photo upload),
/// else <see cref="TextLimits.JsonBodyBytes"/>. A larger body is answered 413 <c>too-large</c> before any handler reads it,
/// and a body that only turns out larger while it streams (no Content-Length) is answered the same, never a 500.
/// </summary>
public static class BodyLimits
{
    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? TextLimits.JsonBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await TooLarge(limit).ExecuteAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await TooLarge(limit).ExecuteAsync(context);
        }
    });

    private static ProblemHttpResult TooLarge(long? limit) => Problems.TooLarge((int)Math.Min(limit ?? int.MaxValue, int.MaxValue));
}
