namespace Gongzhi.Gateway.Apis;

/// <summary>
/// The code of a problem the framework writes by itself (no token, a route that does not exist, a body it cannot
/// read): every 4xx and 503 carries a <c>code</c> and <c>args</c>, whoever answered it.
/// </summary>
internal static class ProblemCodeDefaults
{
    private static readonly Dictionary<int, string> ByStatus = new()
    {
        [StatusCodes.Status400BadRequest] = RefusalCodes.InvalidRequest,
        [StatusCodes.Status401Unauthorized] = RefusalCodes.Unauthenticated,
        [StatusCodes.Status403Forbidden] = RefusalCodes.Forbidden,
        [StatusCodes.Status404NotFound] = RefusalCodes.NotFound,
        [StatusCodes.Status405MethodNotAllowed] = RefusalCodes.MethodNotAllowed,
        [StatusCodes.Status413PayloadTooLarge] = RefusalCodes.TooLarge,
        [StatusCodes.Status415UnsupportedMediaType] = RefusalCodes.UnsupportedMediaType,
        [StatusCodes.Status503ServiceUnavailable] = RefusalCodes.Unavailable,
    };

    /// <summary>Adds the status's code to a problem that has none (a route's own refusal keeps its code).</summary>
    public static void Apply(ProblemDetailsContext context)
    {
        var extensions = context.ProblemDetails.Extensions;
        if (extensions.ContainsKey("code") || context.ProblemDetails.Status is not { } status || !ByStatus.TryGetValue(status, out var code))
        {
            return;
        }

        extensions["code"] = code;
        extensions["args"] = new Dictionary<string, string>();
    }
}
