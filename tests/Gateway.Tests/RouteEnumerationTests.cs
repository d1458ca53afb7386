using System.Reflection;
using Gongzhi.Gateway.Auth;
using Gongzhi.Gateway.Realtime;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Gongzhi.Gateway.Tests;

/// <summary>
/// Every route and hub method says who may call it: either it is on <see cref="PublicRoutes"/> (with a reason) and
/// allows anonymous callers, or its authorization requires a staff role. A new route with neither fails here, by name.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class RouteEnumerationTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Every_route_is_on_the_public_list_or_requires_a_staff_role()
    {
        var policies = fixture.Flow.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var faults = new List<string>();
        foreach (var endpoint in Routes(fixture.Flow.Services))
        {
            var key = Key(endpoint);
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var listed = PublicRoutes.Routes.ContainsKey(key);
            if (anonymous && !listed)
            {
                faults.Add($"{key}: allows anonymous callers but is not on the public list");
            }
            else if (!anonymous && listed)
            {
                faults.Add($"{key}: on the public list but does not AllowAnonymous (it would get the fallback policy)");
            }
            else if (!anonymous && !await RequiresStaffRoleAsync(policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()))
            {
                faults.Add($"{key}: neither on the public list nor requiring a staff role (RequireAuthorization(policy) or AllowAnonymous)");
            }
        }

        Assert.Empty(faults);
    }

    [Fact]
    public async Task Every_hub_method_is_public_by_name_or_requires_a_staff_role()
    {
        var policies = fixture.Flow.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var faults = new List<string>();
        foreach (var method in HubMethods())
        {
            var anonymous = method.GetCustomAttribute<AllowAnonymousAttribute>() is not null;
            var listed = PublicRoutes.HubMethods.ContainsKey(method.Name);
            if (anonymous != listed)
            {
                faults.Add($"DispatchHub.{method.Name}: [AllowAnonymous] and the public list disagree");
            }
            else if (!anonymous && !await RequiresStaffRoleAsync(policies, method.GetCustomAttributes().OfType<IAuthorizeData>().ToArray()))
            {
                faults.Add($"DispatchHub.{method.Name}: neither [AllowAnonymous] on the public list nor [Authorize(Policy = ...)] requiring a staff role");
            }
        }

        Assert.Empty(faults);
    }

    [Fact]
    public async Task What_a_route_states_nothing_about_is_for_staff_only()
    {
        var fallback = await fixture.Flow.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();

        Assert.NotNull(fallback);
        Assert.True(RequiresRole(fallback));
        var anonymous = await fixture.Flow.CreateClient().GetAsync("/no-such-route");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task The_pages_and_their_built_files_are_served_to_anyone_under_the_deny_by_default_policy()
    {
        var dist = Directory.CreateTempSubdirectory("gongzhi-dist-");
        Directory.CreateDirectory(Path.Combine(dist.FullName, "assets"));
        foreach (var page in new[] { "index.html", "submit.html", "track.html", "cadre.html", "board.html" })
        {
            await File.WriteAllTextAsync(Path.Combine(dist.FullName, page), $"<!doctype html><title>{page}</title>");
        }

        await File.WriteAllTextAsync(Path.Combine(dist.FullName, "assets", "submit-1a2b.js"), "console.log('submit');");
        await using var gateway = fixture.Gateway(fixture.QuietQueueName).WithWebHostBuilder(web => web.UseSetting("Gateway:DashboardPath", dist.FullName));
        var anyone = gateway.CreateClient();

        foreach (var path in new[] { "/", "/submit", "/track/some-token", "/cadre", "/board", "/assets/submit-1a2b.js" })
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await anyone.GetAsync(path)).StatusCode);
        }

        // A file that is not there falls to the fallback policy: strangers are not told which paths exist.
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anyone.GetAsync("/assets/missing.js")).StatusCode);
        dist.Delete(recursive: true);
    }

    /// <summary>Every endpoint the app serves (routes, hub, OpenAPI, pages), each with its methods and pattern.</summary>
    internal static IEnumerable<RouteEndpoint> Routes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    /// <summary>"POST /api/v1/cases/{caseId}/resolve", as the public list and failure messages name a route.</summary>
    internal static string Key(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } m ? string.Join(",", m) : "*";
        var path = "/" + endpoint.RoutePattern.RawText!.Trim('/');
        return $"{methods} {path}";
    }

    /// <summary>The hub's methods a client may invoke (its own public instance methods, not the Hub base class's).</summary>
    internal static IEnumerable<MethodInfo> HubMethods() =>
        typeof(DispatchHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == typeof(DispatchHub));

    private static async Task<bool> RequiresStaffRoleAsync(IAuthorizationPolicyProvider policies, IReadOnlyList<IAuthorizeData> data) =>
        data.Count > 0 && await AuthorizationPolicy.CombineAsync(policies, data) is { } policy && RequiresRole(policy);

    // The policy asks for an authenticated user holding one of the staff roles (or a narrower set of them).
    private static bool RequiresRole(AuthorizationPolicy policy) =>
        policy.Requirements.Any(r =>
            (r is ClaimsAuthorizationRequirement { ClaimType: StaffRoles.RoleClaim, AllowedValues: { } values } && values.Any() && values.All(StaffRoles.All.Contains))
            || (r is RolesAuthorizationRequirement roles && roles.AllowedRoles.All(StaffRoles.All.Contains)));
}
