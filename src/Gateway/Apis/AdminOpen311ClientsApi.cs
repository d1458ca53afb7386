using Gongzhi.Gateway.Open311;
using Gongzhi.Open311;
using Microsoft.Extensions.Options;

namespace Gongzhi.Gateway.Apis;

/// <summary>
/// <c>/api/v1/admin/open311-clients</c> (admin only): the clients issued Open311 <c>api_key</c>s. Issuing answers the
/// key this once; the cluster keeps only its hash. Each change is audited, and counts on this gateway from the next
/// request, on the others within <see cref="Open311KeyOptions.CacheLifetime"/>.
/// </summary>
public static class AdminOpen311ClientsApi
{
    public const int ContactLength = 200;

    public static IEndpointRouteBuilder MapAdminOpen311ClientsApi(this IEndpointRouteBuilder app)
    {
        var clients = app.MapGroup("/api/v1/admin/open311-clients").WithTags("Administration").RequireAuthorization(StaffAuthorization.AdminPolicy);
        clients.MapGet("", ListAsync).WithName("ListOpen311Clients").WithSummary("Admin: every Open311 client, revoked ones too (never a key)");
        clients.MapPost("", IssueAsync).WithName("IssueOpen311Client").WithSummary("Admin: issue an Open311 client its api_key, answered this once (a retry with the same requestId answers a new key in its place)")
            .TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields).Refuses(StatusCodes.Status409Conflict, RefusalCodes.ApiClientRevoked);
        clients.MapPost("/{clientId}/revoke", RevokeAsync).WithName("RevokeOpen311Client").WithSummary("Admin: revoke an Open311 client's api_key (again changes nothing)")
            .Refuses(StatusCodes.Status404NotFound, RefusalCodes.ApiClientNotFound);
        return app;
    }

    public static async Task<Ok<Open311ClientView[]>> ListAsync(IGrainFactory grains) =>
        TypedResults.Ok((await grains.GetGrain<IOpen311ClientsGrain>(0).ListAsync()).Select(Open311ClientView.From).ToArray());

    public static async Task<Results<Created<IssuedOpen311ClientView>, ValidationProblem, ProblemHttpResult>> IssueAsync(
        NewOpen311ClientRequest body, ClaimsPrincipal admin, IGrainFactory grains, Open311ApiKeys keys, IOptions<Open311KeyOptions> options)
    {
        var input = new AdminInput();
        if (!Guid.TryParseExact(body.RequestId, "D", out var requestId))
        {
            input.Fail("requestId", "Required: a UUID made once per issue, so that a retry answers the same client.");
        }

        var name = input.Text("name", body.Name);
        var contact = string.IsNullOrWhiteSpace(body.Contact) ? null : input.Text("contact", body.Contact, ContactLength);
        var rate = input.Whole("requestsPerMinute", body.RequestsPerMinute ?? options.Value.DefaultRequestsPerMinute, 1, Open311KeyOptions.MaxRequestsPerMinute);
        if (input.Failed)
        {
            return input.Problem;
        }

        var key = Open311KeyHashes.NewKey();
        var issued = await grains.GetGrain<IOpen311ClientsGrain>(0).IssueAsync(
            new Open311ClientRequest(requestId.ToString("D"), name, contact, rate), Open311KeyHashes.Hash(key), AdminEdits.Actor(admin));
        keys.Forget();
        if (issued.Client is not { } client)
        {
            return Problems.Conflict(issued.Refusal!);
        }

        return TypedResults.Created($"/api/v1/admin/open311-clients/{client.Id}", new IssuedOpen311ClientView(Open311ClientView.From(client), key));
    }

    public static async Task<Results<Ok<Open311ClientView>, ProblemHttpResult>> RevokeAsync(string clientId, ClaimsPrincipal admin, IGrainFactory grains, Open311ApiKeys keys)
    {
        var client = clientId.Length <= AdminInput.IdLength ? await grains.GetGrain<IOpen311ClientsGrain>(0).RevokeAsync(clientId, AdminEdits.Actor(admin)) : null;
        keys.Forget();
        return client is null
            ? Problems.NotFound("No such Open311 client", Refusal.Of(RefusalCodes.ApiClientNotFound, $"There is no Open311 client '{clientId}'.", ("clientId", clientId)))
            : TypedResults.Ok(Open311ClientView.From(client));
    }
}
