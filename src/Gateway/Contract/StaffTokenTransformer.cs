using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gongzhi.Gateway.Contract;

/// <summary>
/// Declares the staff token as an HTTP bearer (JWT) security scheme and states on each operation, from its endpoint's
/// authorization metadata, whether it needs one: <c>[{bearer}]</c>, <c>[{}]</c> (no token) or <c>[{}, {bearer}]</c>
/// (a token is read when sent). Driven by the metadata, the document cannot drift from what the gateway enforces.
/// </summary>
internal sealed class StaffTokenTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemeName = "staffToken";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A staff token (claims `sub`, `role`, `scope`) in `Authorization: Bearer …`; the hub also takes it as `?access_token=`.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] };
        var access = RouteAccess.Of(context.Description.ActionDescriptor.EndpointMetadata.ToArray());
        operation.Security = access switch
        {
            Access.StaffToken => [bearer],
            Access.Anonymous => [new OpenApiSecurityRequirement()],
            Access.AnonymousOrStaffToken => [new OpenApiSecurityRequirement(), bearer],
            _ => null,
        };
        return Task.CompletedTask;
    }
}
