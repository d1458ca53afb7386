namespace Gongzhi.Realtime;

/// <summary>What a <see cref="CallMessage"/> tells the other party of a video call.</summary>
public enum CallMessageKind
{
    /// <summary>The sending party joined the call.</summary>
    PeerPresent,

    /// <summary>The sending party left the call.</summary>
    PeerAbsent,

    /// <summary>A WebRTC signal (a description or a candidate) for the other party's peer connection.</summary>
    Signal,

    /// <summary>The sending party took its seat over from <see cref="CallMessage.Target"/>, whose call ends.</summary>
    Ended,
}

/// <summary>
/// A video call's message on its way through the cluster to every gateway, each of which hands it to its own
/// connections in the call except the sender's. <see cref="Seq"/> counts the sender connection's messages in this
/// call from 1 (0 for <see cref="CallMessageKind.Ended"/>, which needs no order): Orleans does not promise that
/// one-way calls arrive in the order sent, so the receiving gateway puts them back in order.
/// </summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CallMessage")]
public sealed record CallMessage(
    [property: Id(0)] string PetitionId,
    [property: Id(1)] CallMessageKind Kind,
    [property: Id(2)] string From,
    [property: Id(3)] string? Payload,
    [property: Id(4)] string SenderConnectionId,
    [property: Id(5)] long Seq,
    [property: Id(6)] string? Target = null);
