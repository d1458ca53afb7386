namespace Gongzhi.Gateway.Views;

/// <summary>The resident's phone number in full, answered to staff who may see the case; the reveal is in the audit log.</summary>
public sealed record RevealedPhone(string Phone);
