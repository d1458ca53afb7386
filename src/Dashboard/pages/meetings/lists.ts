// The lists of /meetings: the signed-in account's invitations (its meetings, with the unread count and
// "will attend"), and the meetings of a level (upcoming and past) for its dispatchers and officials.
import { describeError } from '../../lib/api';
import { byId, h, setMessage } from '../../lib/dom';
import { formatDateTime, locale } from '../../lib/i18n';
import type { CommunityNames } from '../../lib/names';
import type { StaffSession } from '../../lib/session';
import {
  getInbox, listConsultations, markInvitation, meetingHref, splitMeetings, tx,
  type ConsultationSummary, type Inbox, type MeetingsPlace,
} from './context';

function meetingItem(c: ConsultationSummary, ...extra: (Node | string)[]): HTMLLIElement {
  return h('li', { class: 'meeting-item', 'data-consultation-id': c.consultationId, 'data-status': c.status },
    h('a', { href: meetingHref(c.consultationId), class: 'meeting-link' }, c.topic),
    h('span', { class: 'muted' }, ` · ${formatDateTime(c.time)} · ${c.place} · ${tx('list.cases', { count: c.caseCount })} · `),
    h('span', { class: 'meeting-state' }, tx(`status.${c.status}`)),
    ...extra);
}

/** The account's invitations: stored on the server, so one that came while the page was closed is here. */
export class InboxPanel {
  private inbox: Inbox | null = null;

  constructor(private readonly session: StaffSession, private readonly pageMessage: HTMLElement) {
    byId('inbox-list').addEventListener('click', (event) => {
      const button = (event.target as HTMLElement | null)?.closest<HTMLButtonElement>('button[data-acknowledge]');
      if (button?.dataset['acknowledge']) void this.mark(button.dataset['acknowledge'], 'acknowledge');
    });
  }

  async load(): Promise<void> {
    if (!this.session.current) return;
    try {
      this.inbox = await getInbox(this.session.token);
      this.render();
    } catch (err) {
      if (!this.session.handleAuthError(err)) setMessage(this.pageMessage, describeError(err), 'error');
    }
  }

  /** Marks the invitation to the meeting being opened as read, if there is one unread. */
  async opened(consultationId: string): Promise<void> {
    const entry = this.inbox?.invitations.find((i) => i.consultation.consultationId === consultationId);
    if (entry && !entry.readAt) await this.mark(consultationId, 'read');
  }

  render(): void {
    const invitations = this.inbox?.invitations ?? [];
    const unread = this.inbox?.unread ?? 0;
    const badge = byId('inbox-unread');
    badge.dataset['unread'] = String(unread);
    badge.textContent = unread > 0 ? tx('inbox.unread', { count: unread }) : '';
    byId('inbox-empty').hidden = invitations.length > 0;
    byId('inbox-list').replaceChildren(...invitations.map((i) => {
      // "I will attend" only while the meeting is still to be held.
      const attend = i.acknowledgedAt
        ? h('span', { class: 'meeting-ack' }, ` · ${tx('inbox.acknowledged')}`)
        : i.consultation.status === 'convened'
          ? h('button', { type: 'button', class: 'small secondary', 'data-acknowledge': i.consultation.consultationId }, tx('inbox.acknowledge'))
          : '';
      const item = meetingItem(i.consultation, attend);
      item.dataset['invitationId'] = i.consultation.consultationId;
      item.dataset['read'] = String(Boolean(i.readAt));
      if (!i.readAt) item.prepend(h('span', { class: 'badge' }, tx('inbox.new')), ' ');
      return item;
    }));
  }

  private async mark(consultationId: string, mark: 'read' | 'acknowledge'): Promise<void> {
    try {
      await markInvitation(this.session.token, consultationId, mark);
      await this.load();
    } catch (err) {
      if (!this.session.handleAuthError(err)) setMessage(this.pageMessage, describeError(err), 'error');
    }
  }
}

/** A level's meetings, for its dispatchers and officials: what is still to be held, then what was. */
export class LevelList {
  /** `community`: the names of the dispatcher's community, if it is one (the API names no sub-district or county: those show their id). */
  constructor(
    private readonly session: StaffSession,
    private readonly place: MeetingsPlace,
    private readonly community: CommunityNames,
    private readonly pageMessage: HTMLElement,
  ) {}

  async load(): Promise<void> {
    const scope = this.place.scope;
    if (!scope || !this.session.current) return;
    try {
      const { upcoming, past } = splitMeetings(await listConsultations(this.session.token, scope));
      const named = this.community.loaded && scope === this.place.communityId;
      const name = named ? (locale() === 'en' ? this.community.nameEn || this.community.name : this.community.name) ?? scope : scope;
      byId('list-heading').textContent = tx('list.heading', { scope: name });
      byId('upcoming-empty').hidden = upcoming.length > 0;
      byId('past-empty').hidden = past.length > 0;
      byId('upcoming-list').replaceChildren(...upcoming.map((c) => meetingItem(c)));
      byId('past-list').replaceChildren(...past.map((c) => meetingItem(c)));
      byId('list-section').hidden = false;
    } catch (err) {
      if (!this.session.handleAuthError(err)) setMessage(this.pageMessage, describeError(err), 'error');
    }
  }
}
