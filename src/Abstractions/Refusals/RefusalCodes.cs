namespace Gongzhi.Refusals;

/// <summary>
/// Every refusal code the system gives, in one place: lowercase kebab-case, stable once published.
/// <c>docs/api.md</c> ("Refusal codes") lists each with its status, arguments and routes; a test keeps the two in step.
/// </summary>
public static class RefusalCodes
{
    // 400: the request itself is at fault.

    /// <summary>Fields at fault, each named in <c>errors</c> with an English message.</summary>
    public const string InvalidFields = "invalid-fields";

    /// <summary>The request could not be read (a body that is not JSON of the right shape, a bad route value).</summary>
    public const string InvalidRequest = "invalid-request";

    // 401 and 403: who is asking.

    /// <summary>No valid staff bearer token (or, where a route takes one, no tracking token either).</summary>
    public const string Unauthenticated = "unauthenticated";

    /// <summary>The caller's role may not use this route.</summary>
    public const string Forbidden = "forbidden";

    /// <summary>The community, level or case named is outside the caller's scope. Args: <c>scope</c>.</summary>
    public const string OutsideScope = "outside-scope";

    /// <summary>The tracking token does not open the case (or the petition's case).</summary>
    public const string TokenMismatch = "token-mismatch";

    /// <summary>The case is assigned to another cadre.</summary>
    public const string OtherCadre = "other-cadre";

    /// <summary>Only a cadre (the case's assigned cadre) does this.</summary>
    public const string CadreOnly = "cadre-only";

    /// <summary>Only a dispatcher of the community (of the case, cadre or consultation) does this. Args: <c>communityId</c> when known.</summary>
    public const string DispatcherOnly = "dispatcher-only";

    /// <summary>Only an official of the level the case (or petition) is at does this. Args: <c>levelOwnerId</c> when known.</summary>
    public const string LevelOfficialOnly = "level-official-only";

    /// <summary>Only the case's assigned cadre, or an official of its level (or its dispatchers, for escalation), does this.</summary>
    public const string NotCaseHandler = "not-case-handler";

    /// <summary>Only the parties of the video petition or consultation see or change it.</summary>
    public const string NotAParty = "not-a-party";

    /// <summary>Only the resident confirms this step. Args: <c>step</c>.</summary>
    public const string StepForResident = "step-for-resident";

    /// <summary>Only the assigned cadre takes this step. Args: <c>step</c>.</summary>
    public const string StepForCadre = "step-for-cadre";

    /// <summary>A role the route needs. Args: <c>roles</c> (comma-separated).</summary>
    public const string RoleRequired = "role-required";

    /// <summary>The username or password is wrong, or the account is disabled (which of them is not said).</summary>
    public const string SignInFailed = "sign-in-failed";

    /// <summary>Too many failed sign-ins: the account takes none until <c>until</c> (also in <c>Retry-After</c>). Args: <c>until</c>.</summary>
    public const string AccountLocked = "account-locked";

    // 404: nothing by that name.

    /// <summary>No such route or resource.</summary>
    public const string NotFound = "not-found";

    /// <summary>No case by that id has been taken in. Args: <c>caseId</c> when known.</summary>
    public const string CaseNotFound = "case-not-found";

    /// <summary>No such cadre. Args: <c>cadreId</c>.</summary>
    public const string CadreNotFound = "cadre-not-found";

    /// <summary>No such community. Args: <c>communityId</c>.</summary>
    public const string CommunityNotFound = "community-not-found";

    /// <summary>No such video petition. Args: <c>petitionId</c> when known.</summary>
    public const string PetitionNotFound = "petition-not-found";

    /// <summary>No such consultation. Args: <c>consultationId</c> when known.</summary>
    public const string ConsultationNotFound = "consultation-not-found";

    /// <summary>The signed-in account has no invitation to this consultation. Args: <c>consultationId</c>.</summary>
    public const string InvitationNotFound = "invitation-not-found";

    /// <summary>No such photo. Args: <c>caseId</c>, <c>name</c>.</summary>
    public const string PhotoNotFound = "photo-not-found";

    /// <summary>The tracking token opens no case.</summary>
    public const string TrackingTokenUnknown = "tracking-token-unknown";

    /// <summary>No staff account has this username. Args: <c>username</c>.</summary>
    public const string AccountNotFound = "account-not-found";

    // 409: not possible in the current state.

    /// <summary>The case has moved on since the client read it. Args: <c>seq</c> (the case's), <c>expectedSeq</c> (the client's).</summary>
    public const string StaleSeq = "stale-seq";

    /// <summary>The case is resolved or closed (or merged) and can no longer take this. Args: <c>status</c>.</summary>
    public const string CaseNotOpen = "case-not-open";

    /// <summary>The case is not in the status this needs. Args: <c>status</c>, <c>expected</c> (comma-separated), <c>step</c> for a mode step.</summary>
    public const string WrongStatus = "wrong-status";

    /// <summary>The case already has no need of a cadre: it is assigned or past that. Args: <c>status</c>.</summary>
    public const string CaseNotWaiting = "case-not-waiting";

    /// <summary>The case is already assigned to that cadre. Args: <c>cadreId</c>.</summary>
    public const string AlreadyAssigned = "already-assigned";

    /// <summary>The community has no cadre by that id. Args: <c>cadreId</c>, <c>communityId</c>.</summary>
    public const string CadreNotInCommunity = "cadre-not-in-community";

    /// <summary>The cadre is off duty. Args: <c>cadreId</c>, <c>name</c>.</summary>
    public const string CadreOffDuty = "cadre-off-duty";

    /// <summary>The cadre carries their maximum of open cases. Args: <c>cadreId</c>, <c>name</c>, <c>openCases</c>.</summary>
    public const string CadreFull = "cadre-full";

    /// <summary>The cadre is a volunteer (双报到) who does not take this category. Args: <c>cadreId</c>, <c>name</c>, <c>category</c>, <c>categories</c> (comma-separated).</summary>
    public const string VolunteerCategory = "volunteer-category";

    /// <summary>The event type is not a step of any handling mode. Args: <c>step</c>.</summary>
    public const string NotAStep = "not-a-step";

    /// <summary>The step belongs to another handling mode. Args: <c>step</c>, <c>stepMode</c>, <c>mode</c> (the case's).</summary>
    public const string StepOfOtherMode = "step-of-other-mode";

    /// <summary>The step was already recorded in this round. Args: <c>step</c>.</summary>
    public const string StepAlreadyDone = "step-already-done";

    /// <summary>The step needs an earlier one first. Args: <c>step</c>, <c>after</c> (the step still missing).</summary>
    public const string StepOutOfOrder = "step-out-of-order";

    /// <summary>The step needs a note for the resident. Args: <c>step</c>.</summary>
    public const string StepNeedsNote = "step-needs-note";

    /// <summary>The cadre resolves only after the mode's steps. Args: <c>mode</c>, <c>step</c> (the first still missing).</summary>
    public const string StepsBeforeResolve = "steps-before-resolve";

    /// <summary>The case is already handled in that mode. Args: <c>mode</c>.</summary>
    public const string SameMode = "same-mode";

    /// <summary>The case is already with the county leader. Args: <c>level</c>.</summary>
    public const string TopOfLadder = "top-of-ladder";

    /// <summary>The case is already at the community. Args: <c>level</c>.</summary>
    public const string BottomOfLadder = "bottom-of-ladder";

    /// <summary>Another official of the level has already taken the case. Args: <c>takenBy</c>.</summary>
    public const string TakenByOther = "taken-by-other";

    /// <summary>Only a case above the community is taken by an official; at the community its cadre acknowledges it. Args: <c>level</c>.</summary>
    public const string NotAboveCommunity = "not-above-community";

    /// <summary>A case cannot be merged into itself.</summary>
    public const string MergeIntoSelf = "merge-into-self";

    /// <summary>The primary case cannot take followers: it is closed or itself merged. Args: <c>intoCaseId</c>.</summary>
    public const string PrimaryNotOpen = "primary-not-open";

    /// <summary>The event type is not a notice a case records from elsewhere. Args: <c>type</c>.</summary>
    public const string NotANotice = "not-a-notice";

    /// <summary>The case already has an open video petition. Args: <c>petitionId</c>.</summary>
    public const string PetitionOpen = "petition-open";

    /// <summary>A video petition by this id was already requested.</summary>
    public const string PetitionExists = "petition-exists";

    /// <summary>The video petition is not in the status this needs. Args: <c>status</c>, <c>expected</c>.</summary>
    public const string PetitionWrongStatus = "petition-wrong-status";

    /// <summary>The video petition is already held or cancelled. Args: <c>status</c>.</summary>
    public const string PetitionNotOpen = "petition-not-open";

    /// <summary>A consultation by this id was already convened.</summary>
    public const string ConsultationExists = "consultation-exists";

    /// <summary>The consultation's minutes are already recorded.</summary>
    public const string ConsultationConcluded = "consultation-concluded";

    /// <summary>A staff account with this username already exists. Args: <c>username</c>.</summary>
    public const string UsernameTaken = "username-taken";

    // Other statuses.

    /// <summary>413: the body is larger than the route takes. Args: <c>limit</c> (bytes).</summary>
    public const string TooLarge = "too-large";

    /// <summary>405: the route does not take this method.</summary>
    public const string MethodNotAllowed = "method-not-allowed";

    /// <summary>415: the route does not take this content type.</summary>
    public const string UnsupportedMediaType = "unsupported-media-type";

    /// <summary>415: the uploaded photo's bytes are not a JPEG, PNG or WebP image, whatever its Content-Type says.</summary>
    public const string PhotoNotImage = "photo-not-image";

    /// <summary>400: the photo's bytes begin like an image but its header cannot be read, it is cut short, or its width or height is out of range.</summary>
    public const string PhotoUnreadable = "photo-unreadable";

    /// <summary>429: too many requests from one address; retry after <c>Retry-After</c>. Args: <c>retryAfter</c> (seconds).</summary>
    public const string RateLimited = "rate-limited";

    /// <summary>503: the cluster or storage did not answer; nothing was recorded; retry after <c>Retry-After</c>.</summary>
    public const string Unavailable = "unavailable";

    // Administration of the world (categories, SLA classes, cadres, standing parties).

    /// <summary>404: no county catalog by that id (the county was never seeded). Args: <c>countyId</c>.</summary>
    public const string CountyNotFound = "county-not-found";

    /// <summary>409: the cadre still carries open cases and cannot be retired; reassign them first. Args: <c>cadreId</c>, <c>openCases</c>.</summary>
    public const string CadreHasOpenCases = "cadre-has-open-cases";

    /// <summary>409: the cadre id already serves another community. Args: <c>cadreId</c>, <c>communityId</c> (the other).</summary>
    public const string CadreInOtherCommunity = "cadre-in-other-community";

    // The Open311 clients' api_keys (issue 15).

    /// <summary>404: no Open311 client by that id. Args: <c>clientId</c>.</summary>
    public const string ApiClientNotFound = "api-client-not-found";

    /// <summary>409: the issue request came again after its client was revoked; issue a new client with a new request id. Args: <c>clientId</c>.</summary>
    public const string ApiClientRevoked = "api-client-revoked";

    // The video petitions' live calls (hub methods; the code starts the HubException's message).

    /// <summary>The connection has not joined this call (<c>JoinCall</c> first), or another connection of the same party took its seat.</summary>
    public const string NotInCall = "not-in-call";

    /// <summary>A call signal larger than the gateway relays. Args: <c>limit</c> (characters).</summary>
    public const string SignalTooLarge = "signal-too-large";

    /// <summary>A connection sent call signals faster than the gateway relays them.</summary>
    public const string SignalsTooFast = "signals-too-fast";

    // Places on the map (issue 15).

    /// <summary>422: the point lies outside every compound of the community. Args: <c>field</c>, <c>communityId</c>.</summary>
    public const string LocationOutsideCommunity = "location-outside-community";

    /// <summary>Every code above, for the test that keeps docs/api.md complete.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(RefusalCodes).GetFields()
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToArray();
}
