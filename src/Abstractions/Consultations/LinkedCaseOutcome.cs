namespace Gongzhi.Consultations;

/// <summary>What the consultation's resolution did to one of its cases.</summary>
[GenerateSerializer, Alias("gongzhi.LinkedCaseOutcome")]
public enum LinkedCaseOutcome
{
    /// <summary>Resolved with the consultation's resolution.</summary>
    Resolved = 0,

    /// <summary>Already resolved otherwise before the minutes; left as it was.</summary>
    AlreadyResolved = 1,

    /// <summary>Already closed (rated, lapsed or merged) before the minutes; left as it was.</summary>
    AlreadyClosed = 2,

    /// <summary>The case could not be found.</summary>
    NotFound = 3,

    /// <summary>The case refused the resolution for another reason, given with it.</summary>
    Refused = 4,
}
