namespace Gongzhi.Cases;

/// <summary>Why a command on a case did or did not take effect.</summary>
[GenerateSerializer, Alias("gongzhi.CommandOutcome")]
public enum CommandOutcome
{
    Ok = 0,
    NotFound = 1,
    Forbidden = 2,
    Conflict = 3,
}
