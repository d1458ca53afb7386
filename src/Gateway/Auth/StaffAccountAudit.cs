using Gongzhi.Administration;

namespace Gongzhi.Gateway.Auth;

/// <summary>Appends an admin's change to a staff account to the day's audit log: who, when, what (never a password).</summary>
public sealed class StaffAccountAudit(IGrainFactory grains, TimeProvider time)
{
    public Task RecordAsync(ClaimsPrincipal admin, string action, string username, string detail)
    {
        var now = time.GetUtcNow();
        var entry = new AuditEntry(Guid.NewGuid().ToString("N"), now, admin.Subject() ?? "", action, username, detail);
        return grains.GetGrain<IAuditLogGrain>(AuditDays.KeyOf(now)).AppendAsync(entry);
    }
}
