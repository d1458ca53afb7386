namespace Gongzhi.Gateway.Open311;

/// <summary>An Open311 answer: the node written in the asked format with the spec's content type, and its status.</summary>
public sealed class Open311Result(Open311Node body, Open311Format format, int statusCode = StatusCodes.Status200OK, TimeSpan? retryAfter = null) : IResult
{
    public int StatusCode => statusCode;

    public Open311Node Body => body;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var bytes = format == Open311Format.Json ? Open311Json.Write(body) : Open311Xml.Write(body);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = format == Open311Format.Json ? Open311Json.ContentType : Open311Xml.ContentType;
        response.ContentLength = bytes.Length;
        if (retryAfter is { } wait)
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(Math.Max(1, wait.TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }
}
