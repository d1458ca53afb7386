using Gongzhi.Gateway.Auth;
using Microsoft.AspNetCore.SignalR.Client;
using static Gongzhi.Gateway.Tests.StaffAccounts;

namespace Gongzhi.Gateway.Tests;

/// <summary>A staff member's live connection ends when their session does, not only when its token expires.</summary>
[Collection(GatewayCollection.Name)]
public sealed class HubSessionTests(GatewayFixture fixture)
{
    private static Task ClosedAsync(HubConnection connection)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    [Fact]
    public async Task Disabling_an_account_closes_its_open_hub_connections_at_once()
    {
        var username = await CreateAsync(fixture.Flow);
        await using var connection = await fixture.HubAsync(await TokenAsync(fixture.Flow, username));
        var closed = ClosedAsync(connection);

        await UsersAsync(fixture.Flow, async users =>
        {
            var user = (await users.FindByNameAsync(username))!;
            user.Disabled = true;
            Assert.True((await users.UpdateSecurityStampAsync(user)).Succeeded);
        });

        await closed.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }

    [Fact]
    public async Task Signing_out_closes_that_session_s_connection_and_no_other()
    {
        var username = await CreateAsync(fixture.Flow);
        var phoneToken = await TokenAsync(fixture.Flow, username);
        await using var phone = await fixture.HubAsync(phoneToken);
        await using var desk = await fixture.HubAsync(await TokenAsync(fixture.Flow, username));
        var phoneClosed = ClosedAsync(phone);

        await fixture.Flow.Bearer(phoneToken).PostAsync("/api/v1/auth/logout", null);

        await phoneClosed.WaitAsync(TimeSpan.FromSeconds(30));
        await desk.InvokeAsync("WatchCommunity", "ximen");
        Assert.Equal(HubConnectionState.Connected, desk.State);
    }

    [Fact]
    public async Task A_token_whose_session_ended_cannot_connect_again_while_a_resident_without_one_still_can()
    {
        var username = await CreateAsync(fixture.Flow);
        var token = await TokenAsync(fixture.Flow, username);
        await using (var before = await fixture.HubAsync(token))
        {
            Assert.Equal(HubConnectionState.Connected, before.State);
        }

        await fixture.Flow.Bearer(token).PostAsync("/api/v1/auth/logout", null);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => fixture.HubAsync(token));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        var forged = await Assert.ThrowsAsync<HttpRequestException>(() => fixture.HubAsync(token[..^4] + "AAAA"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, forged.StatusCode);
        await using var resident = await fixture.HubAsync(null);
        Assert.Equal(HubConnectionState.Connected, resident.State);
    }
}
