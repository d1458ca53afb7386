namespace Gongzhi.Intake;

/// <summary>
/// A submission that can never become a case as it stands (its community does not take its category, it reached
/// the wrong case): the intake worker sets it aside in the poison queue at once instead of retrying it.
/// Every other failure on the way to a case counts as transient and is retried.
/// </summary>
[GenerateSerializer, Alias("gongzhi.SubmissionRefusedException")]
public sealed class SubmissionRefusedException : Exception
{
    public SubmissionRefusedException()
    {
    }

    public SubmissionRefusedException(string message)
        : base(message)
    {
    }

    public SubmissionRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
