using Microsoft.AspNetCore.Identity;

namespace Gongzhi.Gateway.Auth;

/// <summary>ASP.NET Core Identity's pieces over the staff account grains, and the sign-in built on them.</summary>
public static class StaffIdentityExtensions
{
    /// <summary>The allowed characters of a username: today's subject ids are lower-case, digits and hyphens.</summary>
    public const string UsernameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789-._";

    public static IServiceCollection AddStaffIdentity(this IServiceCollection services)
    {
        services.AddIdentityCore<StaffUser>()
            .AddUserStore<StaffUserStore>()
            .AddUserManager<StaffUserManager>();
        services.AddSingleton<ILookupNormalizer, StaffNameNormalizer>();
        // Length over composition rules (NIST SP 800-63B); lockout after repeated failures. Both can be set under Auth.
        services.AddOptions<IdentityOptions>()
            .Configure(o =>
            {
                o.User.AllowedUserNameCharacters = UsernameCharacters;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .Configure<IConfiguration>((o, configuration) =>
            {
                configuration.GetSection("Auth:Lockout").Bind(o.Lockout);
                configuration.GetSection("Auth:Password").Bind(o.Password);
            });
        services.AddScoped<StaffSignIn>();
        services.AddSingleton<StaffAccountAudit>();
        return services;
    }
}
