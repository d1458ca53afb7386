using System.Net;
using Gongzhi.Silo.Management;
using Microsoft.AspNetCore.Http;

namespace Gongzhi.Silo.Tests.Management;

/// <summary>Who reaches the Orleans Dashboard on the silo's management port.</summary>
public sealed class DashboardNetworkGuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task A_caller_on_this_machine_reaches_the_dashboard(string caller)
    {
        var (status, passed) = await CallAsync(DashboardNetworkGuard.From([]), caller);

        Assert.True(passed);
        Assert.Equal(StatusCodes.Status200OK, status);
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("192.168.1.20")]
    [InlineData("2001:db8::7")]
    public async Task A_remote_caller_is_refused_with_403_when_no_network_is_configured(string caller)
    {
        var (status, passed) = await CallAsync(DashboardNetworkGuard.From([]), caller);

        Assert.False(passed);
        Assert.Equal(StatusCodes.Status403Forbidden, status);
    }

    [Fact]
    public async Task A_remote_caller_in_a_configured_network_reaches_the_dashboard_and_one_outside_it_does_not()
    {
        var guard = DashboardNetworkGuard.From(["10.244.0.0/16"]);

        Assert.True((await CallAsync(guard, "10.244.3.9")).Passed);
        Assert.True((await CallAsync(guard, "::ffff:10.244.3.9")).Passed);
        Assert.Equal(StatusCodes.Status403Forbidden, (await CallAsync(guard, "10.245.0.1")).Status);
    }

    [Fact]
    public async Task A_forwarded_header_naming_loopback_does_not_admit_a_remote_caller()
    {
        var context = Context("203.0.113.8");
        context.Request.Headers["X-Forwarded-For"] = "127.0.0.1";
        var passed = false;

        await DashboardNetworkGuard.From([]).InvokeAsync(context, _ => { passed = true; return Task.CompletedTask; });

        Assert.False(passed);
        Assert.Equal(StatusCodes.Status403Forbidden, context.Response.StatusCode);
    }

    [Fact]
    public void A_malformed_network_stops_the_silo_at_start()
    {
        Assert.ThrowsAny<FormatException>(() => DashboardNetworkGuard.From(["10.0.0.0/33"]));
    }

    private static async Task<(int Status, bool Passed)> CallAsync(DashboardNetworkGuard guard, string caller)
    {
        var context = Context(caller);
        var passed = false;
        await guard.InvokeAsync(context, _ => { passed = true; return Task.CompletedTask; });
        return (context.Response.StatusCode, passed);
    }

    private static DefaultHttpContext Context(string caller)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(caller);
        context.Request.Path = SiloManagement.DashboardPath + "/ClusterStats";
        return context;
    }
}
