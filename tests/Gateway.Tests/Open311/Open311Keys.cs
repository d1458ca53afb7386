using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Gongzhi.Gateway.Tests.Open311;

/// <summary>api_keys issued and revoked the way the admin does it, through <c>/api/v1/admin/open311-clients</c>.</summary>
public static class Open311Keys
{
    /// <summary>A new client's key; enough requests a minute for a test unless said otherwise.</summary>
    public static async Task<(string ClientId, string ApiKey)> IssueAsync(this GatewayFixture fixture, int requestsPerMinute = 1000)
    {
        var admin = await fixture.StaffAsync("admin", "admin-open311", "wenshang");
        var response = await admin.PostAsJsonAsync("/api/v1/admin/open311-clients",
            new { requestId = Guid.NewGuid().ToString(), name = "Test client " + Guid.NewGuid().ToString("N")[..6], requestsPerMinute });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (issued["client"]!["id"]!.GetValue<string>(), issued["apiKey"]!.GetValue<string>());
    }

    public static async Task RevokeAsync(this GatewayFixture fixture, string clientId)
    {
        var admin = await fixture.StaffAsync("admin", "admin-open311", "wenshang");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/admin/open311-clients/{clientId}/revoke", null)).StatusCode);
    }
}
