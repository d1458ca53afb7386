namespace Gongzhi.Gateway.Tests;

/// <summary>
/// The short, named list of what anyone may call without a staff token, each with its reason. Everything else needs a
/// staff role (<see cref="RouteEnumerationTests"/> proves it). Adding to this list is a security decision: give the reason.
/// An entry whose route is not mapped (a page whose file is not built) is allowed.
/// </summary>
public static class PublicRoutes
{
    public static readonly IReadOnlyDictionary<string, string> Routes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["GET /healthz"] = "a load balancer's probe; flags and the poison count, no case data",
        ["GET /healthz/live"] = "a load balancer's probe",
        ["GET /healthz/ready"] = "a load balancer's probe",
        ["POST /api/v1/cases"] = "residents submit without an account (rate-limited, validated)",
        ["GET /api/v1/communities/{communityId}"] = "the submit page reads the community's compounds and categories; no people in it",
        ["GET /api/v1/communities/{communityId}/places"] = "the map's outline of the compounds and buildings; places, no people (cacheable)",
        ["GET /api/v1/map/settings"] = "the maps' tile source: a deployment setting every map page's browser fetches tiles from anyway; no data",
        ["GET /api/v1/communities/{communityId}/places/locate"] = "the submit page suggests the compound at the resident's location; answers a place name, stores nothing (rate-limited)",
        ["GET /api/v1/track/{trackingToken}"] = "the resident's own case; the HMAC tracking token is the right to it",
        ["POST /api/v1/track/{trackingToken}/rating"] = "the resident rates their own case by its tracking token",
        ["POST /api/v1/track/{trackingToken}/consent"] = "the resident's step, by tracking token",
        ["POST /api/v1/track/{trackingToken}/led-through"] = "the resident's step, by tracking token",
        ["POST /api/v1/track/{trackingToken}/receipt"] = "the resident's step, by tracking token",
        ["GET /api/v1/cases/{caseId}/photos/{name}"] = "a resolution's photo; its unguessable name (a GUID) is the right to see it",
        ["POST /api/v1/photos"] = "a resident's photo for the submission to come, before there is a case (own rate limit, 5 MB, bytes checked)",
        ["GET /api/v1/photos/{name}"] = "a resident's submitted photo; its unguessable name (128 random bits) is the right to see it",
        ["POST /api/v1/cases/{caseId}/video-petitions"] = "the resident asks by tracking token (checked in the route) or the cadre by staff token",
        ["GET /api/v1/video-petitions/{petitionId}"] = "the resident reads by tracking token (checked in the route), staff by token",
        ["POST /api/v1/video-petitions/{petitionId}/cancel"] = "the resident cancels by tracking token (checked in the route), staff by token",
        ["GET /open311/v2/discovery.{format}"] = "Open311 service discovery: the endpoint and its formats, no data",
        ["GET /open311/v2/services.{format}"] = "Open311: the community's categories, as GET /api/v1/communities/{communityId} lists them",
        ["GET /open311/v2/services/{service_code}.{format}"] = "Open311: a category's attributes (kind, building, unit); no data",
        ["POST /open311/v2/requests.{format}"] = "Open311 clients post cases with an admin-issued api_key, checked (and rate-limited per client) in the route",
        ["GET /open311/v2/requests.{format}"] = "Open311's public list of requests: status, place and times, never the resident's name or phone (phone numbers in the text masked)",
        ["GET /open311/v2/requests/{service_request_id}.{format}"] = "Open311's public request, as in the list",
        ["GET /open311/v2/tokens/{token}.{format}"] = "Open311: the HMAC token of a posted request answers only its case id",
        ["POST /api/v1/auth/login"] = "signing in: there is no token yet (rate-limited, lockout)",
        ["POST /api/v1/dev/token"] = "tests only: mapped only with Auth:DevTokens=true and answering loopback callers",
        ["GET /openapi/{documentName}.json"] = "the published contract; it describes routes, holds no data",
        ["* /hubs/dispatch"] = "the live channel: residents follow a case by tracking token; each hub method states its own policy",
        ["* /hubs/dispatch/negotiate"] = "the live channel's negotiation, as above",
        ["GET /"] = "a page shell (static HTML); it asks for sign-in itself",
        ["GET /submit"] = "the resident's submit page (static HTML)",
        ["GET /track/{trackingToken}"] = "the resident's tracking page (static HTML); the data comes from the track route",
        ["GET /cadre"] = "a page shell (static HTML); the data needs a staff token",
        ["GET /board"] = "a page shell (static HTML); the data needs a staff token",
        ["GET /signin"] = "the sign-in page (static HTML); there is no token yet",
        ["GET /admin"] = "a page shell (static HTML); the data needs an admin token",
        ["GET /meetings"] = "a page shell (static HTML); the data needs a staff token",
        ["GET /meetings/{consultationId}"] = "a meeting's page shell (static HTML); the data needs a staff token of its parties or community",
        ["GET /official"] = "a page shell (static HTML); the data needs an official's token",
        ["GET /video/{petitionId}"] = "a video petition's call page (static HTML); joining the call is checked by the hub (tracking token or the accepting official)",
    };

    /// <summary>The hub methods anyone may call, with the reason; every other hub method needs a staff role.</summary>
    public static readonly IReadOnlyDictionary<string, string> HubMethods = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["WatchCase"] = "a resident follows their case; the tracking token is checked in the method",
        ["JoinCall"] = "the resident (by the case's tracking token) or the official who accepted the petition; both checked in the method",
        ["Signal"] = "only a connection that joined the call (JoinCall) relays to its other party",
        ["LeaveCall"] = "only a connection that joined the call leaves it; otherwise nothing happens",
    };
}
