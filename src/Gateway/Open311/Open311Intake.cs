using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gongzhi.Gateway.Apis;
using Gongzhi.Gateway.Places;
using Gongzhi.Gateway.Telemetry;

namespace Gongzhi.Gateway.Open311;

/// <summary>
/// <c>POST requests</c> through the one durable intake of <c>POST /api/v1/cases</c>: the form becomes the same
/// submission, checked by <see cref="SubmissionValidator"/> (faults named by their form fields), queued by
/// <see cref="IntakeQueue"/> and answered with a token (202) until the case exists. A retry lands on the same case: its
/// id is derived (<see cref="CaseIds.ForClientRequest"/>) from the client, the client's <c>Idempotency-Key</c> header or
/// else the <see cref="RetryWindow"/> it was sent in, and the whole form; a retry of a case already made is answered
/// with its <c>service_request_id</c> and queues nothing.
/// </summary>
public sealed class Open311Intake(IntakeQueue queue, IClusterClient cluster, Open311Tokens tokens, GatewayMetrics metrics, TimeProvider time)
{
    public static readonly TimeSpan RetryWindow = TimeSpan.FromMinutes(10);

    // The submission's JSON fields and the form fields a client knows them by.
    private static readonly Dictionary<string, string> FormFields = new(StringComparer.Ordinal)
    {
        ["communityId"] = "jurisdiction_id",
        ["kind"] = $"attribute[{Open311Services.Kind}]",
        ["category"] = "service_code",
        ["description"] = "description",
        ["location"] = "address_id",
        ["location.compound"] = "address_id",
        ["location.building"] = $"attribute[{Open311Services.Building}]",
        ["location.unit"] = $"attribute[{Open311Services.Unit}]",
        ["location.point.latitude"] = "lat",
        ["location.point.longitude"] = "long",
        ["contact.name"] = "first_name",
        ["contact.phone"] = "phone",
    };

    public async Task<Open311Result> SubmitAsync(
        Open311Post post, CommunityInfo community, string clientId, string? idempotencyKey, IPlaceDirectory places, Open311Format format, CancellationToken cancellationToken)
    {
        if (community.Categories.All(c => c.Id != post.ServiceCode))
        {
            return Open311Errors.NotFound(format, $"service_code: There is no service '{post.ServiceCode}' in {community.Id}.");
        }

        var faults = new Dictionary<string, string>(StringComparer.Ordinal);
        var location = Open311Locations.Resolve(post, community, places, faults);
        if (location is null)
        {
            return Open311Errors.Invalid(format, faults);
        }

        var submit = Validate(post, community, location, clientId, ClientRequestId(post, clientId, idempotencyKey), faults);
        if (submit is null)
        {
            return Open311Errors.Invalid(format, faults);
        }

        var caseId = CaseIds.ForClientRequest(submit);
        var notice = $"Queued for {community.Name} ({community.NameEn}); a cadre is assigned as soon as the case is made.";
        if (await cluster.GetGrain<ICaseGrain>(caseId).GetAsync() is not null)
        {
            return Answer(Open311Node.Text("service_request_id", caseId), notice, post, format, StatusCodes.Status200OK);
        }

        await queue.EnqueueAsync(new CaseSubmission(caseId, submit.CommunityId, submit.Kind, submit.Category, submit.Description,
            submit.Location, submit.Contact, submit.ClientRequestId, time.GetUtcNow()), cancellationToken);
        metrics.Accepted();
        return Answer(Open311Node.Text("token", tokens.Issue(caseId)), notice, post, format, StatusCodes.Status202Accepted);
    }

    private static Open311Result Answer(Open311Node id, string notice, Open311Post post, Open311Format format, int status) =>
        new(Open311Node.List("service_requests", Open311Node.Object("request",
            id, Open311Node.Text("service_notice", notice), Open311Node.Text("account_id", post.AccountId))), format, status);

    // The form as the JSON body of POST /api/v1/cases, checked by the same rules.
    private static SubmitCaseRequest? Validate(Open311Post post, CommunityInfo community, CaseLocation location, string clientId, string clientRequestId, Dictionary<string, string> faults)
    {
        post.Attributes.TryGetValue(Open311Services.Kind, out var kind);
        var body = new JsonObject
        {
            ["communityId"] = community.Id,
            ["kind"] = kind,
            ["category"] = post.ServiceCode,
            ["description"] = post.MediaUrl is null ? post.Description : $"{post.Description}\n照片 Photo: {post.MediaUrl}",
            ["clientRequestId"] = clientRequestId,
            ["location"] = new JsonObject
            {
                ["compound"] = location.Compound, ["building"] = location.Building, ["unit"] = location.Unit,
                ["point"] = location.Point is { } p ? new JsonObject { ["latitude"] = p.Latitude, ["longitude"] = p.Longitude } : null,
            },
            ["contact"] = new JsonObject { ["name"] = Name(post, clientId), ["phone"] = post.Phone },
        };
        var errors = new Dictionary<string, string[]>();
        var submit = SubmissionValidator.Parse(JsonSerializer.SerializeToElement(body), errors);
        if (submit is not null)
        {
            SubmissionValidator.CheckAgainst(submit, community, errors);
        }

        foreach (var (field, messages) in errors)
        {
            var formField = FormFields.GetValueOrDefault(field, field);
            faults[formField] = field == "description" && post.Description is null ? "Required: say what the matter is." : messages[0];
        }

        return faults.Count == 0 ? submit : null;
    }

    // Who to call back: the name the client gave, else the client itself, so staff know where the case came from.
    private static string Name(Open311Post post, string clientId)
    {
        var name = string.Join(" ", new[] { post.FirstName, post.LastName }.OfType<string>());
        name = name.Length > 0 ? name : $"Open311 {clientId}";
        return name.Length <= TextLimits.Name ? name : name[..TextLimits.Name];
    }

    // A request id for CaseIds.ForClientRequest: of the client, its idempotency key or the retry window, and the fields
    // the submission itself does not carry, so two different requests never share a case.
    private string ClientRequestId(Open311Post post, string clientId, string? idempotencyKey)
    {
        var window = time.GetUtcNow().ToUnixTimeSeconds() / (long)RetryWindow.TotalSeconds;
        string?[] fields = [clientId, idempotencyKey ?? $"window:{window}", post.Point?.Latitude.ToString("R", CultureInfo.InvariantCulture), post.Point?.Longitude.ToString("R", CultureInfo.InvariantCulture),
            post.AddressString, post.AddressId, post.Email, post.DeviceId, post.AccountId, post.MediaUrl];
        var text = string.Concat(fields.Select(f => $"{f?.Length ?? -1}:{f}\n"));
        return "open311-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..40];
    }
}
