namespace Gongzhi.Consultations;

/// <summary>Convened (parties invited, cases told), then concluded once the minutes and the resolution are recorded.</summary>
[GenerateSerializer, Alias("gongzhi.ConsultationStatus")]
public enum ConsultationStatus
{
    Convened = 0,
    Concluded = 1,
}
