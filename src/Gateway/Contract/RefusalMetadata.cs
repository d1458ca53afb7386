using Microsoft.AspNetCore.Mvc;

namespace Gongzhi.Gateway.Contract;

/// <summary>
/// Endpoint metadata: a problem status a route can answer, with the refusal codes (<see cref="Refusals.RefusalCodes"/>)
/// it gives with it. <see cref="RefusalCodesTransformer"/> writes them into the OpenAPI document.
/// </summary>
public sealed record RefusalMetadata(int StatusCode, IReadOnlyList<string> Codes);

public static class RefusalConventions
{
    /// <summary>
    /// The route can answer <paramref name="statusCode"/> as problem details (a 400 as validation problem details)
    /// with one of <paramref name="codes"/>.
    /// </summary>
    public static TBuilder Refuses<TBuilder>(this TBuilder builder, int statusCode, params string[] codes)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint => Declare(endpoint, statusCode, codes));
        return builder;
    }

    /// <summary>The route reads a JSON body: 400 when it cannot be read, 415 when it is not JSON.</summary>
    public static TBuilder TakesJson<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.Refuses(StatusCodes.Status400BadRequest, Refusals.RefusalCodes.InvalidRequest)
            .Refuses(StatusCodes.Status415UnsupportedMediaType, Refusals.RefusalCodes.UnsupportedMediaType);

    internal static void Declare(EndpointBuilder endpoint, int statusCode, IReadOnlyList<string> codes)
    {
        var type = statusCode == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
        endpoint.Metadata.Add(new ProducesResponseTypeMetadata(statusCode, type, ["application/problem+json"]));
        endpoint.Metadata.Add(new RefusalMetadata(statusCode, codes));
    }
}
