// Every selector the browser tests depend on, in one place: the pages are being rewritten (i18n,
// charts, filters) with the same ids and data attributes, so when one moves, fix it here.

/** Shared by the live pages (board, cadre, track). */
export const common = {
  /** The SignalR state: `data-state` is connecting | connected | reconnecting | disconnected. */
  connection: '#connection-state',
  connected: '#connection-state[data-state="connected"]',
  /** The sticky header bar. */
  header: '.topbar',
  /** The language switch button (absent before the i18n rewrite: then localStorage is used). */
  languageSwitch: '#language-switch',
  /** localStorage key holding the chosen language ('zh' | 'en'). */
  localeKey: 'gongzhi.locale',
  /** The page's icons (`href` absolute once read from the element). */
  icon: 'link[rel="icon"]',
};

/** The staff sign-in form (on /signin, and in place of a staff page while nobody is signed in). */
export const signin = {
  form: '#signin-form',
  username: '#signin-username',
  password: '#signin-password',
  submit: '#signin-submit',
  /** A refusal (wrong password, locked account) in words. */
  error: '#signin-error:not([hidden])',
  /** Why the person must sign in (again): `data-notice` is its resource key (`signin.signedOut` …). */
  notice: (key) => `#signin-notice[data-notice="${key}"]`,
};

/** The staff header's account menu. */
export const account = {
  menu: '#account-menu',
  name: '#account-name',
  signOut: '#signout',
  changePassword: '#change-password-open',
  /** The change-password dialog (opened from the menu): current, new, new again; a refusal in words. */
  passwordDialog: '#password-dialog[open]',
  currentPassword: '#password-current',
  newPassword: '#password-new',
  repeatPassword: '#password-repeat',
  passwordSubmit: '#password-submit',
  passwordError: '#password-error:not([hidden])',
  /** The page's own message line ("password changed" …). */
  pageMessage: '#page-message:not([hidden])',
};

/** /admin — the administrators' page. */
export const admin = {
  section: '#admin-section',
  accountRow: (username) => `#accounts-body tr[data-username="${username}"]`,
  newAccount: '#account-create-fold > summary',
  newAccountField: (name) => `#account-new [name="${name}"]`,
  newAccountSubmit: '#account-new button[type="submit"]',
  accountsMessage: '#accounts-message:not([hidden])',
  auditRow: (action, target) => `#audit-body tr[data-audit-action="${action}"][data-audit-target="${target}"]`,
  orleansDashboard: '#orleans-dashboard',
  opsMessage: '#ops-message:not([hidden])',
};

/** /admin, the Open311 clients panel: issuing an api_key (shown once) and revoking it. */
export const open311Clients = {
  panel: '#open311-panel',
  row: (clientId) => `#open311-body tr[data-client-id="${clientId}"]`,
  rowNamed: (name) => `#open311-body tr:has(strong:text-is("${name}"))`,
  newClient: '#open311-panel details[data-details="new-open311-client"] > summary',
  field: (name) => `#open311-new [name="${name}"]`,
  submit: '#open311-new button[type="submit"]',
  issued: '#open311-issued:not([hidden])',
  key: '#open311-key',
  copy: '#open311-copy',
  copied: '#open311-copy-message:not([hidden])',
  dismiss: '#open311-dismiss',
  revoke: (clientId) => `#open311-body tr[data-client-id="${clientId}"] [data-action="revoke"]`,
  message: '#open311-message:not([hidden])',
};

/** /ops/orleans/ — the Orleans Dashboard's own page, as the gateway serves it to admins. */
export const orleans = {
  menu: '#menu a',
  content: '#content',
};

/** /submit — the resident's form. */
export const submit = {
  form: '#case-form',
  kind: (value) => `#case-form input[name="kind"][value="${value}"]`,
  category: '#category',
  compound: '#compound',
  building: '#building',
  unit: '#unit',
  description: '#description',
  contactName: '#contact-name',
  contactPhone: '#contact-phone',
  submitButton: '#submit-button',
  /** "Use my location" (issue 15), and the line saying what came of it (`data-outcome`: found, outside, denied …). */
  locationField: '#field-location',
  useLocation: '#use-location',
  locationStatus: '#location-status',
  locationOutcome: (outcome) => `#location-status[data-outcome="${outcome}"]`,
  confirmation: '#confirmation',
  confirmationCaseId: '#confirmation-case-id',
  trackLink: '#track-link',
};

/** /cadre — a cadre's queue. */
export const cadre = {
  section: '#cadre-section',
  /** The on-duty switch: `data-on-duty` is true | false. */
  dutyToggle: '#duty-toggle',
  list: '#assignments',
  /** One case: the element carrying both its id and its status (buttons and forms inside carry only the id). */
  caseItem: (caseId) => `#assignments [data-case-id="${caseId}"][data-status]`,
  acknowledge: (caseId) => `#assignments button[data-action="acknowledge"][data-case-id="${caseId}"]`,
  resolveForm: (caseId) => `#assignments form[data-form="resolve"][data-case-id="${caseId}"]`,
  resolveNote: (caseId) => `#assignments form[data-form="resolve"][data-case-id="${caseId}"] [name="note"]`,
  resolveSubmit: (caseId) => `#assignments form[data-form="resolve"][data-case-id="${caseId}"] button[type="submit"]`,
  /** The short notice of a new assignment or a finished action. */
  toast: '#toast',
  /** A case's phone: masked, its "show number" button, then the number. */
  maskedPhone: (caseId) => `#assignments [data-phone-for="${caseId}"] [data-masked="true"]`,
  revealPhone: (caseId) => `#assignments [data-reveal-phone="${caseId}"]`,
  shownPhone: (caseId) => `#assignments [data-phone-for="${caseId}"] a[data-masked="false"]`,
};

/** /track/{token} — the resident's tracking page. */
export const track = {
  summary: '#case-summary',
  status: '#case-status',
  caseId: '#case-id',
  ratingSection: '#rating-section',
  rating: (value) => `#rating-form input[name="rating"][value="${value}"]`,
  ratingComment: '#rating-comment',
  ratingSubmit: '#rating-submit',
  closed: '#closed-section',
};

/** /board — the dispatch board. */
export const board = {
  section: '#board-section',
  /** A case's card: the element carrying both its id and its status. */
  card: (caseId) => `#columns [data-case-id="${caseId}"][data-status]`,
  /** Columns: accepted | assigned | acknowledged | resolved. */
  cardInColumn: (column, caseId) => `[data-cards-for="${column}"] [data-case-id="${caseId}"][data-status]`,
  /** A case's action form (assign | mode | resolve | return | escalate), its text field and its button. */
  form: (caseId, name) => `form[data-form="${name}"][data-case-id="${caseId}"]`,
  formField: (caseId, name, field) => `form[data-form="${name}"][data-case-id="${caseId}"] [name="${field}"]`,
  formSubmit: (caseId, name) => `form[data-form="${name}"][data-case-id="${caseId}"] button[type="submit"]`,
  /** An officials' board (`?scope=`), and the alert of a case escalated to it. */
  scopeBoard: (scopeId) => `body[data-board="scope"][data-scope-id="${scopeId}"]`,
  roster: '#roster-section',
  alert: (kind) => `#alert-banner:not([hidden]) #alert-list li[data-alert="${kind}"]`,
  /** Counters: open | waiting | assigned | acknowledged | resolved-today. */
  counter: (name) => `#count-${name}`,
  /** KPI tiles and charts, if the rewritten board has them (optional). */
  kpi: '#kpi-satisfaction, #kpi-resolution, #kpi-acceptance',
    perHourChart: 'canvas#chart-per-hour',
    kpiChart: 'canvas#chart-kpi',
  chart: '#board-section canvas, main canvas',
};

/** /video/{petitionId} — the video petition's live call. `body[data-call-state]`: waiting | connecting | connected | ended. */
export const video = {
  callState: (state) => `body[data-call-state="${state}"]`,
  consentAccept: '#consent-accept',
  localVideo: '#local-video',
  remoteVideo: '#remote-video',
  mic: '#toggle-mic',
  camera: '#toggle-camera',
  hangUp: '#hang-up',
  summary: '#case-summary:not([hidden])',
  outcome: '#outcome',
  outcomeSubmit: '#outcome-submit',
  outcomeSaved: '#outcome-saved:not([hidden])',
  /** On the tracking page: the scheduled petition's Join button. */
  joinLink: '#video-join-link',
};

/** Photos (issue 14): the photo field of a form, and thumbnails in a timeline or on a cadre's case. */
export const photos = {
  /** The submit form's photo field: its file input, and the previews of the photos sent. */
  submitInput: '#photos-input',
  submitPreviews: '#photo-slot .photo-preview img',
  /** A field still sending a photo. */
  busy: '[data-photo-field][data-busy="true"]',
  /** The cadre's resolve form: the camera input and its previews. */
  resolveInput: (caseId) => `#assignments form[data-form="resolve"][data-case-id="${caseId}"] input[type="file"][data-photo-input]`,
  /** The button a person taps to open the camera (the file input itself is visually hidden). */
  resolveChoose: (caseId) => `#assignments form[data-form="resolve"][data-case-id="${caseId}"] label.photo-choose`,
  submitField: '#photo-slot [data-photo-field]',
  resolvePreviews: (caseId) => `#assignments form[data-form="resolve"][data-case-id="${caseId}"] .photo-preview img`,
  /** The resident's photos on a cadre's case item, before its timeline is unfolded. */
  cadreSubmitted: (caseId) => `#assignments [data-case-id="${caseId}"][data-status] [data-submitted-photos] img`,
  /** Thumbnails of a timeline event (`submitted`, `resolved`) on the tracking page, and their links. */
  trackThumbs: (type) => `#timeline li[data-type="${type}"] .photo-thumbs img`,
  trackLinks: (type) => `#timeline li[data-type="${type}"] .photo-thumbs a`,
};

/** /meetings — 7+X meetings: the invitation inbox, a level's list, the convene form, one meeting's page. */
export const meetings = {
  section: '#meetings-section',
  /** The unread count: `data-unread` is the number. */
  unread: '#inbox-unread',
  /** An invitation in the inbox: `data-read` is true | false. */
  invitation: (id) => `#inbox-list li[data-invitation-id="${id}"]`,
  invitationLink: (id) => `#inbox-list li[data-invitation-id="${id}"] a.meeting-link`,
  acknowledge: (id) => `#inbox-list button[data-acknowledge="${id}"]`,
  /** A meeting in the level's list, upcoming or past. */
  upcoming: (id) => `#upcoming-list li[data-consultation-id="${id}"]`,
  past: (id) => `#past-list li[data-consultation-id="${id}"]`,
  convene: '#convene-section',
  conveneCase: (caseId) => `#convene-case-list input[name="caseIds"][value="${caseId}"]`,
  conveneTopic: '#convene-topic',
  conveneTime: '#convene-time',
  conveneMessage: '#convene-message',
  convenePlace: '#convene-place',
  partyField: (i, field) => `#convene-party-${i}-${field}`,
  conveneSubmit: '#convene-submit',
  /** The convened meeting's id, once convened. */
  convened: '#convene-message[data-consultation-id]',
  /** One meeting's page: `data-status` is convened | concluded. */
  meeting: (status) => `#meeting-section[data-status="${status}"]`,
  /** A linked case on the meeting's page: `data-status` is its case status (unknown until heard). */
  linkedCase: (caseId, status) => `#meeting-cases li[data-case-id="${caseId}"][data-status="${status}"]`,
  minutesText: '#minutes-text',
  minutesResolution: '#minutes-resolution',
  minutesSubmit: '#minutes-submit',
  /** The board header's link to /meetings. */
  boardLink: '#meetings-link',
};

/** The board's early warnings of collective grievances (pages/board/surge.ts). */
export const surge = {
  section: '#surge-section:not([hidden])',
  item: (alertId) => `#surge-list li[data-alert-id="${alertId}"]`,
  anyItem: '#surge-list li[data-alert-id]',
  convene: (alertId) => `#surge-list button[data-convene-alert="${alertId}"]`,
  conveneOpen: '#convene-section[open]',
  conveneTopic: '#convene-topic',
  anyTicked: '#convene-case-list input[name="caseIds"]:checked',
};

/** /official — the page of an official above the community (sub-district, department, county leader). */
export const official = {
  section: '#official-section',
  /** The page once it knows the official's level (`subdistrict` | `department` | `leader`) and owner. */
  level: (level, ownerId) => `body[data-level="${level}"][data-scope-id="${ownerId}"]`,
  /** A case's card in the level's queue. */
  card: (caseId) => `#official-queue [data-case-id="${caseId}"][data-status]`,
  /** Who took it at this level (接办). */
  takenBy: (caseId) => `#official-queue [data-case-id="${caseId}"] [data-taken-by]`,
  actions: (caseId) => `#official-queue [data-case-id="${caseId}"] details[data-details="actions"] > summary`,
  petition: (petitionId) => `#petition-list [data-petition-id="${petitionId}"]`,
  petitionStatus: (petitionId, status) => `#petition-list [data-petition-id="${petitionId}"][data-petition-status="${status}"]`,
  petitionAccept: (petitionId) => `form[data-petition-form="accept"][data-petition-id="${petitionId}"] button[type="submit"]`,
  petitionJoin: (petitionId) => `#petition-list a[data-join="${petitionId}"]`,
  kpiTable: (name) => `#kpi-by-${name}`,
  /** The number of cases a KPI table counts for a key (a level, department or community). */
  kpiCount: (name, key, count) => `#kpi-by-${name} tr[data-key="${key}"] td[data-submitted="${count}"]`,
  meetingsLink: '#link-meetings[href="/meetings"]',
};

/** The map of open cases on the board and the officials' page (pages/map/). */
export const map = {
  /** The "List | Map" switch: `aria-pressed` says which shows. */
  showMap: '#show-map',
  showList: '#show-list',
  section: '#map-section:not([hidden])',
  /** Leaflet's SVG path of each compound's outline, and the compounds' names. */
  outline: '#case-map path.map-compound',
  compoundName: '#case-map .map-compound-name',
  /** A case's marker: `data-status`, `data-level` and `data-deadline-state` (ok | amber | red | none). */
  marker: (caseId) => `#case-map .map-marker[data-case-id="${caseId}"]`,
  anyMarker: '#case-map .map-marker[data-case-id]',
  legend: '#map-legend',
  legendItem: (key) => `#map-legend [data-legend="${key}"]`,
  /** The chosen case's card beside the map. */
  detailCard: (caseId) => `#map-detail [data-case-id="${caseId}"][data-status]`,
};
