namespace Gongzhi.Gateway.Open311;

/// <summary>Registers the check of Open311 <c>api_key</c>s and its options.</summary>
public static class Open311KeysExtensions
{
    public static IServiceCollection AddOpen311ApiKeys(this IServiceCollection services)
    {
        services.AddOptions<Open311KeyOptions>().BindConfiguration(Open311KeyOptions.Section)
            .Validate(o => o.DefaultRequestsPerMinute is >= 1 and <= Open311KeyOptions.MaxRequestsPerMinute,
                $"Open311:Keys:DefaultRequestsPerMinute must be from 1 to {Open311KeyOptions.MaxRequestsPerMinute}.")
            .Validate(o => o.CacheLifetime >= TimeSpan.Zero && o.CacheLifetime <= TimeSpan.FromMinutes(1),
                "Open311:Keys:CacheLifetime must be from 0 to 1 minute: a revoked key is refused at most that long after.")
            .ValidateOnStart();
        services.AddSingleton<Open311ApiKeys>();
        services.AddSingleton<IOpen311ApiKeys>(sp => sp.GetRequiredService<Open311ApiKeys>());
        return services;
    }
}
