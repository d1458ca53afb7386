// /meetings — 7+X consultations (民主协商议事会) for signed-in staff:
// - the account's invitation inbox (stored on the server: one sent while the page was closed is
//   here at the next sign-in), with the unread count, live as new invitations arrive;
// - the meetings of the viewer's level (or `?scope=`), upcoming and past, for dispatchers and officials;
// - the convene form for a community's dispatchers (`?convene=1&cases=a,b` opens it with those ticked);
// - one meeting (`/meetings/{id}`): its cases settling live, and the minutes and resolution.
// This file wires the panels in pages/meetings/; every text comes from locales/{zh,en}/meetings.json.
import { byId, setMessage } from '../lib/dom';
import { startLive } from '../lib/hub';
import { onLocaleChange, translateDocument } from '../lib/i18n';
import { CommunityNames } from '../lib/names';
import { StaffSession } from '../lib/session';
import type { CaseUpdated } from '../lib/types';
import { meetingsPlace, tx } from './meetings/context';
import { ConveneForm } from './meetings/convene';
import { InboxPanel, LevelList } from './meetings/lists';
import { MeetingPage } from './meetings/meeting';

const pageMessage = byId('page-message');
const section = byId('meetings-section');
const session = new StaffSession({
  expiredKey: 'meetings.expired', signin: byId('signin'), section, connectionState: byId('connection-state'), pageMessage,
});
const place = meetingsPlace(window.location.pathname, window.location.search, session.current?.claims ?? null);
const community = new CommunityNames();
const inbox = new InboxPanel(session, pageMessage);
const levels = new LevelList(session, place, community, pageMessage);
const meeting = place.meetingId ? new MeetingPage(session, place.meetingId, pageMessage) : null;
let convene: ConveneForm | null = null;

session.mountHeader();
translateDocument();
document.title = tx('title');
onLocaleChange(() => {
  translateDocument();
  document.title = tx('title');
  inbox.render();
  meeting?.render();
  convene?.renderCases();
  void levels.load();
});

if (session.current) void init();

async function init(): Promise<void> {
  // A dispatcher convenes in their community; one whose scope is a sub-district or county has none to convene in here.
  if (place.communityId && !meeting) {
    await community.load(place.communityId);
    if (community.loaded) convene = new ConveneForm(session, place.communityId, community, place.cases, () => void levels.load());
  }
  section.hidden = false;
  byId('inbox-section').hidden = meeting !== null;
  await Promise.all([
    inbox.load(),
    meeting ? meeting.load().then((shown) => (shown ? inbox.opened(meeting.consultationId) : undefined)) : levels.load(),
    convene?.start(place.convene),
  ]);
  if (session.refused) return;
  session.attachHub(startLive({
    accessToken: () => session.token,
    connectionState: byId('connection-state'),
    on: {
      invitation: () => {
        setMessage(pageMessage, tx('inbox.arrived'), 'ok');
        void inbox.load();
      },
      caseUpdated: (update: CaseUpdated) => meeting?.receive(update),
    },
    watch: async (connection) => {
      if (meeting) await connection.invoke('WatchConsultation', meeting.consultationId);
    },
    onConnected: async (reconnected) => {
      if (!reconnected) return;
      await Promise.all([inbox.load(), meeting ? meeting.load() : levels.load(), convene?.loadCases()]);
    },
    onUnauthorized: () => session.expire(),
    onError: (err) => setMessage(pageMessage, tx('cannotWatch', { error: err instanceof Error ? err.message : String(err) }), 'error'),
  }));
}
