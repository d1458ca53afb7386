using Gongzhi.Consultations;

namespace Gongzhi.Silo.Grains;

/// <summary>The persisted state of a level's list of 7+X consultations, by meeting time.</summary>
public sealed class ConsultationIndexState
{
    public List<ConsultationSummary> Consultations { get; set; } = [];
}
