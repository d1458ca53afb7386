namespace Gongzhi.Staff;

/// <summary>What became of a write to a staff account.</summary>
[GenerateSerializer, Alias("gongzhi.AccountWriteOutcome")]
public enum AccountWriteOutcome
{
    /// <summary>Stored.</summary>
    Ok,

    /// <summary>No account has that username.</summary>
    NotFound,

    /// <summary>An account with that username already exists.</summary>
    Exists,

    /// <summary>The write was made from an older copy of the account (its concurrency stamp moved on).</summary>
    Stale,
}
