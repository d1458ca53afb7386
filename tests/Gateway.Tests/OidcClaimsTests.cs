using System.Security.Claims;
using Gongzhi.Gateway.Auth;

namespace Gongzhi.Gateway.Tests;

/// <summary>A county provider's claims become the staff claims the routes read, by the claim names the county configures.</summary>
public sealed class OidcClaimsTests
{
    private static readonly OidcOptions Options = new()
    {
        Authority = "https://idp.wenshang.example",
        UsernameClaim = "preferred_username",
        RoleClaim = "roles",
        ScopeClaim = "org_unit",
        Roles = new() { ["county-dispatch"] = "dispatcher", ["gz-admin"] = "admin" },
    };

    private static ClaimsPrincipal Provided(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "Bearer"));

    [Fact]
    public void A_mapped_role_and_the_configured_scope_claim_make_a_staff_member()
    {
        var staff = OidcClaims.Map(Provided(("preferred_username", "li.dispatcher"), ("roles", "employee"), ("roles", "county-dispatch"), ("org_unit", "ximen")), Options)!;

        Assert.Equal("li.dispatcher", staff.Subject());
        Assert.Equal("dispatcher", staff.Role());
        Assert.Equal("ximen", staff.Scope());
        Assert.True(staff.IsInRole("dispatcher"));
    }

    [Fact]
    public void A_role_value_that_is_already_a_staff_role_counts_as_itself()
    {
        var staff = OidcClaims.Map(Provided(("preferred_username", "wang"), ("roles", "cadre"), ("org_unit", "ximen")), Options)!;

        Assert.Equal("cadre", staff.Role());
    }

    [Theory]
    [InlineData(null, "county-dispatch", "ximen")]
    [InlineData("li", "mayor", "ximen")]
    [InlineData("li", "county-dispatch", null)]
    public void A_token_without_username_staff_role_or_scope_makes_no_staff_member(string? username, string role, string? scope)
    {
        var claims = new List<(string, string)> { ("roles", role) };
        if (username is not null)
        {
            claims.Add(("preferred_username", username));
        }

        if (scope is not null)
        {
            claims.Add(("org_unit", scope));
        }

        Assert.Null(OidcClaims.Map(Provided([.. claims]), Options));
    }
}
