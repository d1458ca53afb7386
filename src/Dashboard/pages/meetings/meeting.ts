// One meeting's page (`/meetings/{id}`): what it settles, when and where, who takes part; its linked
// cases with their status, kept live by the cases' own pushes (`caseUpdated`) as the minutes settle
// them; and, for the community's dispatchers, the form that records the minutes and the resolution.
import { ApiError, describeError, getCase } from '../../lib/api';
import { byId, h, setMessage } from '../../lib/dom';
import { clearErrors, showFieldErrors } from '../../lib/forms';
import { formatDateTime } from '../../lib/i18n';
import { statusText } from '../../lib/labels';
import type { StaffSession } from '../../lib/session';
import type { CaseStatus, CaseUpdated } from '../../lib/types';
import { getConsultation, recordMinutes, tx, type Consultation } from './context';

/** What the page knows of one linked case: its status and the newest seq it came with (pushes may arrive late). */
interface LinkedCase {
  status: CaseStatus | null;
  seq: number;
}

export class MeetingPage {
  private meeting: Consultation | null = null;
  private readonly cases = new Map<string, LinkedCase>();
  private readonly form = byId<HTMLFormElement>('minutes-form');

  constructor(private readonly session: StaffSession, readonly consultationId: string, private readonly pageMessage: HTMLElement) {
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.record();
    });
  }

  /** Reads the meeting and its cases again (at start and after every reconnect). */
  async load(): Promise<boolean> {
    try {
      this.meeting = await getConsultation(this.session.token, this.consultationId);
    } catch (err) {
      if (!this.session.handleAuthError(err)) setMessage(this.pageMessage, describeError(err), 'error');
      return false;
    }
    byId('meeting-section').hidden = false;
    document.body.dataset['consultationId'] = this.consultationId;
    // The community's dispatchers read the cases; other parties learn their status from the cases' pushes.
    const reads = this.dispatches() ? this.meeting.caseIds : [];
    for (const id of this.meeting.caseIds) if (!this.cases.has(id)) this.cases.set(id, { status: null, seq: -1 });
    await Promise.all(reads.map((id) => this.loadCase(id)));
    this.render();
    return true;
  }

  /** A linked case's push: its status, if newer than what the page shows. */
  receive(update: CaseUpdated): void {
    const known = this.cases.get(update.caseId);
    if (!known || update.seq <= known.seq) return;
    this.cases.set(update.caseId, { status: update.status, seq: update.seq });
    this.render();
  }

  render(): void {
    const m = this.meeting;
    if (!m) return;
    document.title = `${m.topic} — ${tx('title')}`;
    byId('meeting-topic').textContent = m.topic;
    const status = byId('meeting-status');
    status.textContent = tx(`status.${m.status}`);
    status.dataset['status'] = m.status;
    byId('meeting-section').dataset['status'] = m.status;
    byId('meeting-time').textContent = formatDateTime(m.time);
    byId('meeting-place').textContent = m.place;
    byId('meeting-convened-by').textContent = `${m.convenedBy} · ${formatDateTime(m.convenedAt)}`;
    byId('meeting-parties').replaceChildren(...m.parties.map((p) => h('li', { 'data-party-id': p.id },
      p.name, h('span', { class: 'muted' }, ` · ${p.role}${p.accountId ? ` · ${p.accountId}` : ''}`))));
    byId('meeting-cases').replaceChildren(...m.caseIds.map((id) => this.caseItem(m, id)));
    const concluded = m.status === 'concluded';
    byId('meeting-record').hidden = !concluded;
    byId('meeting-minutes').textContent = m.minutes ?? '';
    byId('meeting-resolution').textContent = m.resolution ?? '';
    this.form.hidden = concluded || !this.dispatches();
  }

  /** Dispatchers (and admins) record the minutes and may read the cases; the server decides for which community. */
  private dispatches(): boolean {
    const role = this.session.current?.claims.role;
    return role === 'dispatcher' || role === 'admin';
  }

  private caseItem(m: Consultation, id: string): HTMLLIElement {
    const status = this.cases.get(id)?.status ?? null;
    const result = m.caseResults.find((r) => r.caseId === id);
    return h('li', { 'data-case-id': id, 'data-status': status ?? 'unknown' },
      h('span', { class: 'mono' }, id), ' · ',
      h('span', { class: 'case-status' }, status ? statusText(status) : tx('meeting.statusUnknown')),
      result ? h('span', { class: 'muted', 'data-outcome': result.outcome }, ` · ${tx(`outcome.${result.outcome}`)}`) : null);
  }

  private async loadCase(id: string): Promise<void> {
    try {
      const c = await getCase(this.session.token, id);
      const seq = c.timeline.at(-1)?.seq ?? 0;
      if (seq >= (this.cases.get(id)?.seq ?? -1)) this.cases.set(id, { status: c.status, seq });
    } catch (err) {
      // A dispatcher of another community's county sees the meeting but perhaps not every case: its pushes still tell.
      if (!(err instanceof ApiError && (err.status === 403 || err.status === 404)) && !this.session.handleAuthError(err)) {
        setMessage(this.pageMessage, describeError(err), 'error');
      }
    }
  }

  private async record(): Promise<void> {
    if (!this.session.current) return;
    const message = byId('minutes-message');
    setMessage(message, null);
    clearErrors(this.form);
    const minutes = byId<HTMLTextAreaElement>('minutes-text').value.trim();
    const resolution = byId<HTMLTextAreaElement>('minutes-resolution').value.trim();
    const missing: Record<string, string> = {};
    if (!minutes) missing['minutes'] = tx('minutes.required');
    if (!resolution) missing['resolution'] = tx('minutes.required');
    if (Object.keys(missing).length > 0) {
      showFieldErrors(this.form, missing);
      return;
    }
    const submit = byId<HTMLButtonElement>('minutes-submit');
    submit.disabled = true;
    try {
      this.meeting = await recordMinutes(this.session.token, this.consultationId, minutes, resolution);
      this.render();
      setMessage(this.pageMessage, tx('minutes.done'), 'ok');
    } catch (err) {
      if (this.session.handleAuthError(err)) return;
      const placed = err instanceof ApiError && err.status === 400 && Object.keys(err.fieldErrors).length > 0
        && showFieldErrors(this.form, err.fieldErrors);
      if (!placed) setMessage(message, describeError(err), 'error');
    } finally {
      submit.disabled = false;
    }
  }
}
