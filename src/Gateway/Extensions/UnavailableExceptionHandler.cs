using Microsoft.AspNetCore.Diagnostics;

namespace Gongzhi.Gateway.Extensions;

/// <summary>
/// The cluster or storage not answering is not a bug in the request: answer 503 with Retry-After, so
/// a client retries (with the same clientRequestId, which keeps a retried submission to one case).
/// </summary>
public sealed class UnavailableExceptionHandler(IProblemDetailsService problems, ILogger<UnavailableExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception))
        {
            return false;
        }

        logger.LogWarning(exception, "Dependency unavailable during {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service temporarily unavailable",
                Detail = "The dispatch cluster or storage did not answer; nothing was recorded. Please try again shortly.",
                Extensions = { ["code"] = RefusalCodes.Unavailable, ["args"] = new Dictionary<string, string>() },
            },
        });
    }

    private static bool IsUnavailable(Exception exception) => exception switch
    {
        OrleansException or TimeoutException or Azure.RequestFailedException { Status: 0 or >= 500 } or HttpRequestException => true,
        // Until the client first reaches a silo it knows no grain interface, and Orleans says so this way (decision 43).
        ArgumentException { Message: var message } when message.StartsWith("Could not find an implementation for interface", StringComparison.Ordinal) => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsUnavailable),
        _ => exception.InnerException is { } inner && IsUnavailable(inner),
    };
}
