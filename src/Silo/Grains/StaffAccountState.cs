using Gongzhi.Staff;

namespace Gongzhi.Silo.Grains;

/// <summary>The persisted state of a staff account: the account and its open sessions.</summary>
public sealed class StaffAccountState
{
    public StaffAccount? Account { get; set; }

    public List<StaffSession> Sessions { get; set; } = [];
}

/// <summary>One open session of a staff account: its id (the tokens' <c>sid</c>) and when it ends unless renewed.</summary>
public sealed record StaffSession(string Id, DateTimeOffset ExpiresAt);
