namespace Gongzhi.Gateway.Views;

/// <summary>The resident's rating of a resolved case.</summary>
public sealed record RatingRequest(string? Rating, string? Comment, int? ExpectedSeq = null);
