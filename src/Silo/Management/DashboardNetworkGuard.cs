using System.Net;
using Microsoft.AspNetCore.Http;

namespace Gongzhi.Silo.Management;

/// <summary>
/// Lets the Orleans Dashboard answer only callers on this machine (loopback) or in <c>Management:DashboardNetworks</c>
/// (CIDR list, e.g. the gateways' pod network); everyone else gets 403. It reads the connection's own address, never
/// X-Forwarded-For, which any caller could write.
/// </summary>
public sealed class DashboardNetworkGuard(IReadOnlyList<IPNetwork> networks)
{
    /// <summary>Parses the configured CIDR list; a malformed entry stops the silo at start rather than admit nobody or anybody.</summary>
    public static DashboardNetworkGuard From(IEnumerable<string> cidrs) => new([.. cidrs.Select(IPNetwork.Parse)]);

    public bool Admits(IPAddress? caller)
    {
        if (caller is null)
        {
            return false;
        }

        var address = caller.IsIPv4MappedToIPv6 ? caller.MapToIPv4() : caller;
        return IPAddress.IsLoopback(address) || networks.Any(n => n.Contains(address));
    }

    /// <summary>The middleware: 403 for a dashboard request from a caller the guard does not admit.</summary>
    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (Admits(context.Connection.RemoteIpAddress))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
