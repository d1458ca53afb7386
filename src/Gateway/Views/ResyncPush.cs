namespace Gongzhi.Gateway.Views;

/// <summary>The <c>resync</c> push: fetch every snapshot again; <c>reason</c> is a stable code for logs.</summary>
public sealed record ResyncPush(string Reason);
