using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongzhi.Gateway.Tests.Fuzzing;

/// <summary>A route that takes a body, with its method and its pattern (<c>/api/v1/cases/{caseId}/decline</c>).</summary>
public sealed record BodyRoute(string Method, string Pattern)
{
    /// <summary>
    /// Every API route of the gateway that takes a body (POST, PUT, PATCH), read from its endpoint data source, so
    /// that a route added tomorrow is fuzzed without anyone listing it.
    /// </summary>
    public static IReadOnlyList<BodyRoute> Of(WebApplicationFactory<Program> gateway) =>
        gateway.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is "POST" or "PUT" or "PATCH")
                .Select(m => new BodyRoute(m, e.RoutePattern.RawText!)))
            .Distinct()
            .OrderBy(r => r.Pattern, StringComparer.Ordinal)
            .ToArray();

    /// <summary>The path with each route parameter filled from <paramref name="values"/> (by name), or a made-up id.</summary>
    public string Path(IReadOnlyDictionary<string, string> values)
    {
        var path = Pattern;
        while (path.IndexOf('{', StringComparison.Ordinal) is var start and >= 0)
        {
            var end = path.IndexOf('}', start);
            var name = path[(start + 1)..end].Split(':', '=', '?')[0];
            path = path[..start] + Uri.EscapeDataString(values.GetValueOrDefault(name, "fuzz-unknown")) + path[(end + 1)..];
        }

        return path;
    }

    public override string ToString() => $"{Method} {Pattern}";
}
