using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Gongzhi.Hosting;

/// <summary>
/// Refuses to start a process outside Development whose keys are missing, public (Azurite's well-known account,
/// the development keys the repository once held) or the values committed in an appsettings*.json beside it:
/// anyone with the repository could then sign tokens or read the storage. One check for the silo and the gateway.
/// </summary>
internal static class StartupSecrets
{
    /// <summary>The storage connection string setting both processes read.</summary>
    public const string StorageSetting = "ConnectionStrings:Storage";

    /// <summary>Azurite's well-known key of <c>devstoreaccount1</c>, published in its documentation.</summary>
    public const string AzuriteAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    // Keys the repository's history holds: still public after they left the files.
    private static readonly string[] Published =
    [
        AzuriteAccountKey,
        "development-only-signing-key-change-me-in-production",
        "development-only-tracking-key-change-me-in-production",
    ];

    private static readonly string UseIdentity =
        $"to sign in with a managed identity set {StorageAccount.AccountNameSetting} ({EnvironmentName(StorageAccount.AccountNameSetting)}) or {StorageAccount.ServiceUrisSection}:Blob|Queue|Table.";

    private static readonly string[] SecretNameEndings = ["key", "secret", "password"];

    /// <summary>Outside Development, throws naming every setting at fault; <paramref name="required"/> must be set.</summary>
    public static void Check(IConfiguration configuration, IHostEnvironment environment, params string[] required)
    {
        if (environment.IsDevelopment())
        {
            return;
        }

        var directories = new[] { environment.ContentRootPath, AppContext.BaseDirectory }.Distinct();
        var committed = directories.Where(Directory.Exists).SelectMany(d => Directory.EnumerateFiles(d, "appsettings*.json"));
        var problems = Problems(configuration, committed, required);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"Refusing to start in {environment.EnvironmentName}: {string.Join(" ", problems)} See docs/security.md, \"Keys and secrets\".");
        }
    }

    /// <summary>What is wrong with the configuration's secrets, one sentence each naming the setting.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration, IEnumerable<string> committedFiles, IEnumerable<string> required)
    {
        var problems = new List<string>();
        var committed = committedFiles.SelectMany(file => CommittedSecrets(file).Select(s => (File: Path.GetFileName(file), s.Setting, s.Value))).ToList();

        if (StorageProblem(configuration, committed.Select(c => c.Value)) is { } storageProblem)
        {
            problems.Add(storageProblem);
        }

        foreach (var setting in required)
        {
            var value = configuration[setting];
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{setting} is not set ({EnvironmentName(setting)}).");
            }
            else if (Published.Contains(value))
            {
                problems.Add($"{setting} is a development key published in the repository's history; generate a new one.");
            }
        }

        foreach (var (file, setting, value) in committed)
        {
            if (configuration[setting] == value)
            {
                problems.Add($"{setting} is the value committed in {file}; set it through the environment ({EnvironmentName(setting)}) or a secret store.");
            }
        }

        return problems.Distinct().ToList();
    }

    // A managed identity (StorageAccount) leaves the connection string unused: nothing in it to check then.
    private static string? StorageProblem(IConfiguration configuration, IEnumerable<string> committedValues)
    {
        var storage = configuration[StorageSetting];
        if (StorageAccount.UsesIdentity(configuration))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(storage))
        {
            return $"{StorageSetting} is not set ({EnvironmentName(StorageSetting)}); {UseIdentity}";
        }

        if (storage.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
        {
            return $"{StorageSetting} is UseDevelopmentStorage=true, Azurite's public account; set the storage account's own connection string, or {UseIdentity}";
        }

        return AccountKey(storage) is { } key && (Published.Contains(key) || committedValues.Contains(key))
            ? $"{StorageSetting} uses a public account key (Azurite's devstoreaccount1 or one committed to the repository)."
            : null;
    }

    /// <summary>The environment variable that sets a setting: <c>Auth:SigningKey</c> → <c>Auth__SigningKey</c>.</summary>
    public static string EnvironmentName(string setting) => setting.Replace(":", "__", StringComparison.Ordinal);

    // Every value in the file under a name ending in Key, Secret or Password, and a connection string's AccountKey.
    private static IEnumerable<(string Setting, string Value)> CommittedSecrets(string file)
    {
        var settings = new ConfigurationBuilder().AddJsonFile(file, optional: true).Build().AsEnumerable();
        foreach (var (setting, value) in settings)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            var name = setting.Split(':')[^1];
            if (SecretNameEndings.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            {
                yield return (setting, value);
            }
            else if (AccountKey(value) is { } key)
            {
                yield return (setting, key);
            }
        }
    }

    private static string? AccountKey(string connection)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connection };
            return builder.TryGetValue("AccountKey", out var key) ? key as string : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
