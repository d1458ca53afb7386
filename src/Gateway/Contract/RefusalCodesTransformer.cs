using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Gongzhi.Gateway.Contract;

/// <summary>
/// Writes each problem answer's refusal codes (<see cref="RefusalMetadata"/>) into the operation's response: as the
/// extension <c>x-refusal-codes</c> (an array, for generators) and in the response's description (for people).
/// </summary>
internal sealed class RefusalCodesTransformer : IOpenApiOperationTransformer
{
    public const string Extension = "x-refusal-codes";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var refusals = context.Description.ActionDescriptor.EndpointMetadata.OfType<RefusalMetadata>()
            .GroupBy(r => r.StatusCode, r => r.Codes);
        foreach (var refusal in refusals)
        {
            if (operation.Responses?.TryGetValue(refusal.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response) != true
                || response is not OpenApiResponse answer)
            {
                continue;
            }

            var codes = refusal.SelectMany(c => c).Distinct(StringComparer.Ordinal).ToArray();
            var reason = ReasonPhrases.GetReasonPhrase(refusal.Key);
            answer.Description = $"{reason}. Refusal codes: {string.Join(", ", codes.Select(c => $"`{c}`"))}.";
            answer.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            answer.Extensions[Extension] = new JsonNodeExtension(new JsonArray(codes.Select(c => (JsonNode)JsonValue.Create(c)).ToArray()));
        }

        return Task.CompletedTask;
    }
}
