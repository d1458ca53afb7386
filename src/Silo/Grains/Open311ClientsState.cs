using Gongzhi.Open311;

namespace Gongzhi.Silo.Grains;

/// <summary>The persisted state of the Open311 clients: each with the admin's request that issued it, and the admin's changes.</summary>
public sealed class Open311ClientsState
{
    public List<Open311ClientEntry> Clients { get; set; } = [];

    /// <summary>The number of the last client issued; ids are <c>client-{number}</c>.</summary>
    public int LastNumber { get; set; }

    public AdminChanges? Administration { get; set; }
}

/// <summary>A client as stored, with the id of the admin's request that issued it (a retry of it finds the client).</summary>
public sealed record Open311ClientEntry(string RequestId, Open311Client Client);
