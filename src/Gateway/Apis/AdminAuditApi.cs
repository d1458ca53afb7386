using System.Globalization;
using Gongzhi.Administration;

namespace Gongzhi.Gateway.Apis;

/// <summary><c>GET /api/v1/admin/audit?day=yyyy-MM-dd</c> (admin only): the administrative changes of one UTC day, oldest first.</summary>
public static class AdminAuditApi
{
    public static IEndpointRouteBuilder MapAdminAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/admin/audit", GetAsync).WithName("GetAdminAudit").WithTags("Administration").RequireAuthorization(StaffAuthorization.AdminPolicy)
            .WithSummary("Admin: the audit log of one UTC day (default today): who changed what, and when")
            .Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ValidationProblem>> GetAsync(string? day, IClusterClient cluster, TimeProvider time)
    {
        var key = day ?? AuditDays.KeyOf(time.GetUtcNow());
        if (!DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return Problems.Invalid("day", "A UTC day as yyyy-MM-dd.");
        }

        return TypedResults.Ok(await cluster.GetGrain<IAuditLogGrain>(key).ReadAsync());
    }
}
