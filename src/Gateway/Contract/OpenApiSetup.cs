namespace Gongzhi.Gateway.Contract;

/// <summary>The OpenAPI document (<c>/openapi/v1.json</c>, and artifacts/openapi at build time) and its transformers.</summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddGatewayOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            var staffToken = new StaffTokenTransformer();
            options.AddDocumentTransformer<DocumentInfoTransformer>();
            options.AddDocumentTransformer(staffToken);
            options.AddOperationTransformer(staffToken);
            options.AddOperationTransformer<RefusalCodesTransformer>();
        });
}
