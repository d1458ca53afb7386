using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gongzhi.Gateway.Extensions;

/// <summary>
/// The build writes the OpenAPI document by loading the app inside Microsoft's GetDocument tool
/// (Microsoft.Extensions.ApiDescription.Server): the app is built but never started. It then runs
/// without the secrets a deployment supplies, so placeholders stand in for them, and without its
/// background services: the tool starts the host, and the Orleans client would wait for a cluster forever.
/// </summary>
internal static class BuildTimeDocument
{
    public static bool IsGenerating => Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    /// <summary>Call after every service is added.</summary>
    public static void Prepare(WebApplicationBuilder builder)
    {
        if (!IsGenerating)
        {
            return;
        }

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:TrackingKey"] = "build-time-openapi-document-placeholder-key",
            ["Auth:SigningKey"] = "build-time-openapi-document-placeholder-key",
        });
        builder.Services.RemoveAll<IHostedService>();
    }
}
