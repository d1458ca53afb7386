namespace Gongzhi.Gateway.Views;

/// <summary>A cadre going on or off duty.</summary>
public sealed record DutyRequest(bool? OnDuty);
