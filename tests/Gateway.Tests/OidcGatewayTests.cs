using System.Net;
using static Gongzhi.Gateway.Tests.StaffAccounts;

namespace Gongzhi.Gateway.Tests;

/// <summary>With a county provider configured, the gateway's own sign-in still works as before.</summary>
[Collection(GatewayCollection.Name)]
public sealed class OidcGatewayTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Our_own_tokens_still_open_staff_routes_when_a_county_provider_is_configured()
    {
        await using var gateway = fixture.Gateway("intake").WithWebHostBuilder(web => web.UseSetting("Auth:Oidc:Authority", "https://idp.wenshang.invalid"));
        var username = await CreateAsync(gateway);

        var staff = gateway.Bearer(await TokenAsync(gateway, username));

        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/v1/communities/ximen/roster")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.CreateClient().GetAsync("/api/v1/communities/ximen/roster")).StatusCode);
    }
}
