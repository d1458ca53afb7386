using Gongzhi.Administration;

namespace Gongzhi.Gateway.Auth;

/// <summary>Appends a staff member's audited act (an admin's change to an account, a phone number revealed) to the day's audit log: who, when, what (never a password).</summary>
public sealed class StaffAccountAudit(IGrainFactory grains, TimeProvider time)
{
    public Task RecordAsync(ClaimsPrincipal actor, string action, string target, string detail)
    {
        var now = time.GetUtcNow();
        var entry = new AuditEntry(Guid.NewGuid().ToString("N"), now, actor.Subject() ?? "", action, target, detail);
        return grains.GetGrain<IAuditLogGrain>(AuditDays.KeyOf(now)).AppendAsync(entry);
    }
}
