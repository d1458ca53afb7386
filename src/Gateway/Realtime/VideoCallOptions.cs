namespace Gongzhi.Gateway.Realtime;

/// <summary>
/// Settings of the video petitions' live calls (section <c>Video</c>): the STUN and TURN servers the browsers use to
/// find a path to each other. None by default: the browsers then offer only their own (host) candidates, which serve
/// two browsers on one machine or one network.
/// </summary>
public sealed class VideoCallOptions
{
    public const string Section = "Video";

    /// <summary>As a browser's <c>RTCIceServer</c>: e.g. <c>Video:IceServers:0:Urls:0 = turn:turn.example.org:3478</c>.</summary>
    public List<IceServer> IceServers { get; set; } = [];

    /// <summary>The largest signal (an SDP description or an ICE candidate, as JSON) relayed, in characters.</summary>
    public int MaxSignalChars { get; set; } = 16 * 1024;

    /// <summary>Signals one connection may send at once; after that, <see cref="SignalsPerSecond"/>.</summary>
    public int SignalBurst { get; set; } = 60;

    public int SignalsPerSecond { get; set; } = 10;
}

/// <summary>One STUN or TURN server, as the browser's <c>RTCIceServer</c> takes it.</summary>
public sealed class IceServer
{
    public List<string> Urls { get; set; } = [];

    public string? Username { get; set; }

    public string? Credential { get; set; }
}
