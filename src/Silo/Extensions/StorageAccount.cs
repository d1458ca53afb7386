using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Gongzhi.Hosting;

/// <summary>
/// The storage account both processes use and how they sign in to it: a managed identity when
/// <c>Storage:AccountName</c> or <c>Storage:ServiceUris:*</c> is set (DefaultAzureCredential), otherwise the
/// connection string <c>ConnectionStrings:Storage</c>. Identity settings win because appsettings.json carries
/// Azurite's connection string as the default for every environment.
/// </summary>
internal sealed class StorageAccount
{
    public const string ConnectionSetting = StartupSecrets.StorageSetting;
    public const string AccountNameSetting = "Storage:AccountName";
    public const string ServiceUrisSection = "Storage:ServiceUris";
    public const string EndpointSuffixSetting = "Storage:EndpointSuffix";
    public const string ClientIdSetting = "Storage:ManagedIdentityClientId";
    private const string DevelopmentStorage = "UseDevelopmentStorage=true";

    private static readonly string[] Services = ["Blob", "Queue", "Table"];

    private StorageAccount(string? connectionString, IReadOnlyDictionary<string, Uri> serviceUris, TokenCredential? credential)
    {
        ConnectionString = connectionString;
        ServiceUris = serviceUris;
        Credential = credential;
    }

    /// <summary>The connection string in use, or null when a managed identity signs in.</summary>
    public string? ConnectionString { get; }

    /// <summary>The managed identity's credential, or null when the connection string carries the key.</summary>
    public TokenCredential? Credential { get; }

    /// <summary>Blob, Queue and Table endpoints under managed identity (empty with a connection string).</summary>
    public IReadOnlyDictionary<string, Uri> ServiceUris { get; }

    /// <summary>True when a managed identity is configured: the connection string is then not used.</summary>
    public static bool UsesIdentity(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[AccountNameSetting])
        || Services.Any(s => !string.IsNullOrWhiteSpace(configuration[$"{ServiceUrisSection}:{s}"]));

    /// <summary>Reads the account from configuration; throws naming the setting when it is missing or malformed.</summary>
    public static StorageAccount From(IConfiguration configuration, IHostEnvironment environment)
    {
        if (UsesIdentity(configuration))
        {
            return new StorageAccount(null, IdentityUris(configuration), IdentityCredential(configuration));
        }

        var connection = configuration[ConnectionSetting];
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    $"No storage account is configured: set {ConnectionSetting} ({StartupSecrets.EnvironmentName(ConnectionSetting)}), or {AccountNameSetting} " +
                    $"({StartupSecrets.EnvironmentName(AccountNameSetting)}) or {ServiceUrisSection}:Blob|Queue|Table to sign in with a managed identity. See docs/deploy.md, \"Azure Storage\".");
            }

            connection = DevelopmentStorage;
        }

        return new StorageAccount(connection, new Dictionary<string, Uri>(), null);
    }

    public TableServiceClient Tables(TableClientOptions? options = null) =>
        Credential is null ? new(ConnectionString, options) : new(ServiceUris["Table"], Credential, options);

    public QueueServiceClient Queues(QueueClientOptions? options = null) =>
        Credential is null ? new(ConnectionString, options) : new(ServiceUris["Queue"], Credential, options);

    public BlobServiceClient Blobs(BlobClientOptions? options = null) =>
        Credential is null ? new(ConnectionString, options) : new(ServiceUris["Blob"], Credential, options);

    // Each service's URI as set, else the account's public endpoint https://{account}.{service}.{suffix}.
    private static Dictionary<string, Uri> IdentityUris(IConfiguration configuration)
    {
        var account = configuration[AccountNameSetting];
        var suffix = configuration[EndpointSuffixSetting] is { Length: > 0 } s ? s : "core.windows.net";
        var uris = new Dictionary<string, Uri>();
        foreach (var service in Services)
        {
            var setting = $"{ServiceUrisSection}:{service}";
            var value = configuration[setting];
            if (string.IsNullOrWhiteSpace(value))
            {
                if (string.IsNullOrWhiteSpace(account))
                {
                    throw new InvalidOperationException(
                        $"{setting} is not set ({StartupSecrets.EnvironmentName(setting)}): with a managed identity set all three service URIs, or {AccountNameSetting}.");
                }

                value = $"https://{account}.{service.ToLowerInvariant()}.{suffix}";
            }

            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            {
                throw new InvalidOperationException($"{setting} is not an absolute http(s) URI: '{value}'.");
            }

            uris[service] = uri;
        }

        return uris;
    }

    // A user-assigned identity is named by its client id; without one, DefaultAzureCredential takes AZURE_CLIENT_ID or the system-assigned identity.
    private static DefaultAzureCredential IdentityCredential(IConfiguration configuration) =>
        configuration[ClientIdSetting] is { Length: > 0 } clientId
            ? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId })
            : new DefaultAzureCredential();
}
