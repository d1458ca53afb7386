using System.Net;
using System.Text.Json.Nodes;
using Gongzhi.Gateway.Realtime;
using Gongzhi.Realtime;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;

namespace Gongzhi.Gateway.Tests;

/// <summary>When the registry restarts it may have missed events for this gateway, whose clients then fetch their snapshots again.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ResyncTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_registry_of_a_new_epoch_tells_every_connected_client_to_resync()
    {
        // The gateway is registered, so it knows the registry's epoch.
        await Eventually.GetAsync(() => fixture.Flow.CreateClient().GetAsync("/healthz"), r => r.StatusCode == HttpStatusCode.OK);
        await using var hub = await fixture.HubAsync();
        var resync = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonObject>(HubDispatchObserver.Resync, push => resync.TrySetResult(push));

        // The registry is re-activated (as on another silo after a failure) and the gateway renews.
        await fixture.Grains.GetGrain<IDispatchRegistryGrain>(0).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        fixture.Flow.Services.GetRequiredService<ObserverRegistration>().RenewSoon();
        fixture.Quiet.Services.GetRequiredService<ObserverRegistration>().RenewSoon();

        var push = await resync.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(HubDispatchObserver.ResyncRegistryRestarted, push["reason"]!.GetValue<string>());
    }
}
