namespace Gongzhi.Administration;

/// <summary>
/// The audit log of one UTC day (key <c>yyyy-MM-dd</c>, see <see cref="AuditDays"/>): every administrative change,
/// in the order it was appended. Appending an entry whose id is already there changes nothing.
/// </summary>
[Alias("gongzhi.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithStringKey
{
    [Alias("Append")]
    Task AppendAsync(AuditEntry entry);

    [Alias("Read")]
    Task<IReadOnlyList<AuditEntry>> ReadAsync();
}

/// <summary>Which day's audit log an instant belongs to.</summary>
public static class AuditDays
{
    public static string KeyOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
