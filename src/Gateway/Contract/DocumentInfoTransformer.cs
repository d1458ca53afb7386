using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gongzhi.Gateway.Contract;

/// <summary>The document's front matter: what the API is, where it is served, and what each tag groups.</summary>
internal sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    public static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>
    {
        ["Residents"] = "What a resident does without an account: submit a case, follow it by its tracking token, confirm steps, rate it.",
        ["Staff"] = "Cases, rosters, queues and KPIs for cadres, dispatchers and officials; each route needs a staff token.",
        ["Video petitions"] = "视频信访: a video meeting between the resident (or the case's cadre) and an official of the case's level.",
        ["Consultations"] = "7+X 民主协商议事会: a dispatcher convenes the community's parties on open cases and records the minutes.",
        ["Operations"] = "Health probes and the intake poison queue.",
        ["Administration"] = "Admins only: staff accounts, communities' cadres and standing parties, the county's categories and SLA classes, and the audit log of every change.",
        ["Development"] = "Demo staff tokens; mapped in the Development environment only.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Gongzhi gateway";
        document.Info.Description = "The HTTP API of Gongzhi (共治), community case dispatch. Refusals are problem details with a stable "
            + "`code` and its `args`; each problem response lists its codes in `x-refusal-codes` (catalogue: docs/api.md).";
        document.Servers = [new OpenApiServer { Url = "/", Description = "The gateway serving this document." }];
        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var (name, description) in Tags)
        {
            if (document.Tags.FirstOrDefault(t => t.Name == name) is { } tag)
            {
                tag.Description = description;
            }
        }

        return Task.CompletedTask;
    }
}
