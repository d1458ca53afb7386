using Gongzhi.Gateway.Places;
using Microsoft.AspNetCore.Mvc;

namespace Gongzhi.Gateway.Open311;

/// <summary>
/// Open311 GeoReport v2 at <c>/open311/v2/</c> (docs/open311.md): discovery, services, service definitions, posting
/// requests (api_key required, through the same intake as <c>POST /api/v1/cases</c>), tokens and requests. The format
/// is the resource's extension. Everything answers in the spec's elements, its errors included; the contract is the
/// spec, so these routes stay out of the OpenAPI document.
/// </summary>
public static class Open311Api
{
    public const string Root = "/open311/v2";

    /// <summary>The Open311 services; <see cref="IOpen311ApiKeys"/> and <see cref="IPlaceDirectory"/> are registered by their own parts (keys, places).</summary>
    public static IServiceCollection AddOpen311(this IServiceCollection services) =>
        services.AddSingleton<Open311Tokens>().AddSingleton<Open311Jurisdictions>().AddSingleton<Open311Intake>().AddSingleton<Open311Query>();

    public static IEndpointRouteBuilder MapOpen311Api(this IEndpointRouteBuilder app)
    {
        var open311 = app.MapGroup(Root).WithTags("Open311").AllowAnonymous().ExcludeFromDescription();
        open311.MapGet("/discovery.{format}", DiscoveryAsync);
        open311.MapGet("/services.{format}", ServicesAsync);
        open311.MapGet("/services/{service_code}.{format}", ServiceAsync);
        open311.MapPost("/requests.{format}", PostRequestAsync).DisableAntiforgery();
        open311.MapGet("/requests.{format}", RequestsAsync);
        open311.MapGet("/requests/{service_request_id}.{format}", RequestAsync);
        open311.MapGet("/tokens/{token}.{format}", TokenAsync);
        return app;
    }

    public static async Task<IResult> DiscoveryAsync(string format, HttpRequest request, Open311Jurisdictions jurisdictions)
    {
        if (Open311Formats.Parse(format) is not { } f)
        {
            return Open311Errors.UnknownFormat(format);
        }

        var (community, _) = await jurisdictions.FindAsync(request.Query["jurisdiction_id"], f);
        return new Open311Result(Open311Discovery.Document(Origin(request), community?.TimeZone ?? "UTC"), f);
    }

    public static async Task<IResult> ServicesAsync(string format, HttpRequest request, Open311Jurisdictions jurisdictions)
    {
        if (Open311Formats.Parse(format) is not { } f)
        {
            return Open311Errors.UnknownFormat(format);
        }

        var (community, refusal) = await jurisdictions.FindAsync(request.Query["jurisdiction_id"], f);
        return refusal ?? new Open311Result(Open311Services.List(community!), f);
    }

    public static async Task<IResult> ServiceAsync([FromRoute(Name = "service_code")] string serviceCode, string format, HttpRequest request, Open311Jurisdictions jurisdictions)
    {
        if (Open311Formats.Parse(format) is not { } f)
        {
            return Open311Errors.UnknownFormat(format);
        }

        var (community, refusal) = await jurisdictions.FindAsync(request.Query["jurisdiction_id"], f);
        if (refusal is not null)
        {
            return refusal;
        }

        return community!.Categories.FirstOrDefault(c => c.Id == serviceCode) is { } category
            ? new Open311Result(Open311Services.Definition(category), f)
            : Open311Errors.NotFound(f, $"service_code: There is no service '{Shorten(serviceCode)}' in {community.Id}.");
    }

    public static async Task<IResult> PostRequestAsync(
        string format, HttpRequest request, Open311Jurisdictions jurisdictions, Open311Intake intake,
        [FromServices] IOpen311ApiKeys keys, IPlaceDirectory places, CancellationToken cancellationToken)
    {
        if (Open311Formats.Parse(format) is not { } f)
        {
            return Open311Errors.UnknownFormat(format);
        }

        var (form, unreadable) = await Open311Form.ReadAsync(request, cancellationToken);
        if (form is null)
        {
            return Open311Errors.Invalid(f, "body", unreadable!);
        }

        var check = await keys.CheckAsync(form["api_key"].Count == 1 ? form["api_key"].ToString() : null, cancellationToken);
        if (check.Outcome != ApiKeyOutcome.Accepted)
        {
            return Open311Errors.Key(f, check);
        }

        var faults = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Open311Form.Parse(form, faults) is not { } post)
        {
            return Open311Errors.Invalid(f, faults);
        }

        var (community, refusal) = await jurisdictions.FindAsync(post.JurisdictionId, f);
        return refusal ?? await intake.SubmitAsync(post, community!, check.ClientId!, Open311Form.Header(request, "Idempotency-Key"), places, f, cancellationToken);
    }

    public static async Task<IResult> RequestsAsync(
        string format, HttpRequest request, Open311Jurisdictions jurisdictions, Open311Query query, IPlaceDirectory places)
    {
        if (Open311Formats.Parse(format) is not { } f)
        {
            return Open311Errors.UnknownFormat(format);
        }

        var (community, refusal) = await jurisdictions.FindAsync(request.Query["jurisdiction_id"], f);
        return refusal ?? await query.ListAsync(request.Query, community!, places, Origin(request), f);
    }

    public static async Task<IResult> RequestAsync(
        [FromRoute(Name = "service_request_id")] string serviceRequestId, string format, HttpRequest request, Open311Jurisdictions jurisdictions,
        IClusterClient cluster, IPlaceDirectory places)
    {
        if (Open311Formats.Parse(format) is not { } f)
        {
            return Open311Errors.UnknownFormat(format);
        }

        var (community, refusal) = await jurisdictions.FindAsync(request.Query["jurisdiction_id"], f);
        if (refusal is not null)
        {
            return refusal;
        }

        var snapshot = CaseIds.IsWellFormed(serviceRequestId) ? await cluster.GetGrain<ICaseGrain>(serviceRequestId).GetAsync() : null;
        return snapshot is not null && snapshot.CommunityId == community!.Id
            ? new Open311Result(Open311Node.List("service_requests", Open311Requests.Of(snapshot, community, places, Origin(request))), f)
            : Open311Errors.NotFound(f, $"service_request_id: There is no request '{Shorten(serviceRequestId)}' in {community!.Id}.");
    }

    public static async Task<IResult> TokenAsync(string token, string format, Open311Tokens tokens, IClusterClient cluster)
    {
        if (Open311Formats.Parse(format) is not { } f)
        {
            return Open311Errors.UnknownFormat(format);
        }

        if (tokens.Open(token) is not { } caseId)
        {
            return Open311Errors.NotFound(f, $"token: '{Shorten(token)}' is not a token this server issued.");
        }

        // Until the intake has made the case, the token stands alone with an empty service_request_id.
        var made = await cluster.GetGrain<ICaseGrain>(caseId).GetAsync() is not null;
        return new Open311Result(Open311Node.List("service_requests", Open311Node.Object("request",
            Open311Node.Text("service_request_id", made ? caseId : ""),
            Open311Node.Text("token", token))), f);
    }

    private static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
