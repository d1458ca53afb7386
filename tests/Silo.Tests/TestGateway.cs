using Gongzhi.Realtime;

namespace Gongzhi.Silo.Tests;

/// <summary>Stands in for a gateway's registration: an observer registered with the dispatch registry until disposed.</summary>
internal static class TestGateway
{
    /// <summary>Registers <paramref name="observer"/> under a fresh gateway name; disposing unregisters it and deletes its reference.</summary>
    public static async Task<IAsyncDisposable> RegisterAsync(IClusterClient client, IDispatchObserver observer, string name = "gw")
    {
        var reference = client.CreateObjectReference<IDispatchObserver>(observer);
        var registry = client.GetGrain<IDispatchRegistryGrain>(0);
        var gateway = $"{name}-{Guid.NewGuid():N}";
        await registry.RegisterAsync(gateway, reference);
        return new Registration(async () =>
        {
            await registry.UnregisterAsync(gateway);
            client.DeleteObjectReference<IDispatchObserver>(reference);
        });
    }

    private sealed class Registration(Func<Task> end) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await end();
    }
}
