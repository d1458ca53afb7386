namespace Gongzhi.Cases;

/// <summary>One resident's case (key: case id): its state machine and timeline.</summary>
[Alias("gongzhi.ICaseGrain")]
public interface ICaseGrain : IGrainWithStringKey
{
    /// <summary>Takes a submission from the intake queue; a second delivery of the same submission changes nothing.</summary>
    [Alias("Submit")]
    Task SubmitAsync(CaseSubmission submission);

    /// <summary>The case, or null when no submission has reached it yet.</summary>
    [Alias("Get")]
    Task<CaseSnapshot?> GetAsync();

    /// <summary>The assigned cadre takes the case on (接单).</summary>
    [Alias("Acknowledge")]
    Task<CaseCommandResult> AcknowledgeAsync(string cadreId);

    /// <summary>The assigned cadre records that the matter is settled (办结).</summary>
    [Alias("Resolve")]
    Task<CaseCommandResult> ResolveAsync(string cadreId, string note);

    /// <summary>The resident rates the outcome (回访), which closes the case.</summary>
    [Alias("Rate")]
    Task<CaseCommandResult> RateAsync(SatisfactionRating rating, string? comment);

    /// <summary>News from the community that a waiting case has found a cadre; one-way, as it travels up the call chain.</summary>
    [OneWay, Alias("OnAssigned")]
    Task OnAssignedAsync(Assignment assignment);
}
