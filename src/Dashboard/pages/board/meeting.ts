// The 7+X consultation form of a community board: pick open cases, a topic, a time and a place,
// invite parties by name and role, and `POST /api/v1/consultations`.
import { ApiError, describeError, request } from '../../lib/api';
import { localInputToIso, toLocalInputValue } from '../../lib/datetime';
import { byId, h, setMessage } from '../../lib/dom';
import { clearErrors, showFieldErrors } from '../../lib/forms';
import { formatDateTime, locale } from '../../lib/i18n';
import { tx, type Board } from './board';

interface Consultation {
  consultationId: string;
  topic: string;
  time: string;
  place: string;
}

export interface MeetingDraft {
  caseIds: string[];
  topic: string;
  /** The `datetime-local` value as typed. */
  time: string;
  place: string;
  /** `accountId`: a staff account to invite (its inbox keeps the invitation); left out when none. */
  invited: { name: string; role: string; accountId?: string }[];
}

/** The request for a draft, or the messages by field (`caseIds`, `topic`, `time`, `place`, `invited.{i}.name`). */
export function meetingRequest(communityId: string, draft: MeetingDraft): { errors: Record<string, string> } | { body: Record<string, unknown> } {
  const errors: Record<string, string> = {};
  if (draft.caseIds.length === 0) errors['caseIds'] = tx('convene.pickCase');
  if (!draft.topic) errors['topic'] = tx('convene.required');
  const time = localInputToIso(draft.time);
  if (!time) errors['time'] = tx('convene.badTime');
  if (!draft.place) errors['place'] = tx('convene.required');
  draft.invited.forEach((p, i) => { if (!p.name && p.role) errors[`invited.${i}.name`] = tx('convene.required'); });
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: {
      communityId, caseIds: draft.caseIds, topic: draft.topic, time, place: draft.place,
      invited: draft.invited.filter((p) => p.name),
    },
  };
}

export class Meeting {
  private readonly form = byId<HTMLFormElement>('convene-form');
  private readonly parties = byId('convene-parties');
  /** The cases of the last surge warning taken up, ticked as they appear. */
  private suggested = new Set<string>();

  constructor(private readonly board: Board) {}

  listen(): void {
    byId<HTMLInputElement>('convene-time').min = toLocalInputValue(new Date());
    byId('convene-add-party').addEventListener('click', () => this.addParty());
    this.parties.addEventListener('click', (event) => {
      const button = (event.target as HTMLElement | null)?.closest<HTMLButtonElement>('button[data-remove-party]');
      if (!button) return;
      button.closest('.party')?.remove();
      this.renumberParties();
    });
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.convene();
    });
    this.addParty();
  }

  /** The open cases of the community to choose from; the ticks survive a redraw. */
  renderCases(): void {
    const { store, names, place } = this.board;
    const box = byId('convene-case-list');
    const shown = new Set([...box.querySelectorAll<HTMLInputElement>('input[name="caseIds"]')].map((i) => i.value));
    const checked = new Set([...box.querySelectorAll<HTMLInputElement>('input[name="caseIds"]:checked')].map((i) => i.value));
    // A suggested case the board hears of only now (a warning may come before its cases) comes ticked.
    for (const id of this.suggested) if (!shown.has(id)) checked.add(id);
    const open = [...store.cases.values()].filter((c) => c.communityId === place.communityId || !c.communityId)
      .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
    const signature = JSON.stringify([open.map((c) => [c.caseId, c.category, c.location, c.status]), locale(), [...checked]]);
    if (box.dataset['signature'] === signature) return;
    box.dataset['signature'] = signature;
    const n = names.of(place.communityId);
    box.replaceChildren(...(open.length === 0
      ? [h('p', { class: 'muted' }, tx('convene.noCases'))]
      : open.map((c) => h('label', { class: 'check convene-case', 'data-case-id-ref': c.caseId },
        h('input', { type: 'checkbox', name: 'caseIds', value: c.caseId, checked: checked.has(c.caseId) }),
        ` ${n.category(c.category)} · ${n.place(c.location) || '—'} · `, h('span', { class: 'mono' }, c.caseId)))));
  }

  /** A surge warning's suggestion: its cases ticked (those still open here) and a topic, the form opened. */
  suggest(caseIds: readonly string[], topic: string): void {
    this.suggested = new Set(caseIds);
    this.renderCases();
    for (const box of byId('convene-case-list').querySelectorAll<HTMLInputElement>('input[name="caseIds"]')) box.checked = this.suggested.has(box.value);
    byId<HTMLInputElement>('convene-topic').value = topic;
    const section = byId<HTMLDetailsElement>('convene-section');
    section.open = true;
    section.scrollIntoView({ block: 'start' });
  }

  private addParty(): void {
    this.parties.append(h('div', { class: 'party', 'data-party': '' },
      h('label', {}, h('span', { 'data-i18n': 'board.convene.name' }, tx('convene.name')), h('input', { name: 'partyName', maxlength: 100, autocomplete: 'off' })),
      h('label', {}, h('span', { 'data-i18n': 'board.convene.role' }, tx('convene.role')), h('input', { name: 'partyRole', maxlength: 100, autocomplete: 'off' })),
      h('button', { type: 'button', class: 'small secondary', 'data-remove-party': '', 'data-i18n': 'board.convene.removeParty' }, tx('convene.removeParty')),
      h('p', { class: 'field-error', 'data-error-for': '' }),
    ));
    this.renumberParties();
  }

  private renumberParties(): void {
    this.parties.querySelectorAll<HTMLElement>('.party').forEach((row, i) => {
      row.dataset['party'] = String(i);
      const name = row.querySelector<HTMLInputElement>('input[name="partyName"]');
      const role = row.querySelector<HTMLInputElement>('input[name="partyRole"]');
      if (name) name.id = `convene-party-${i}-name`;
      if (role) role.id = `convene-party-${i}-role`;
      const error = row.querySelector<HTMLElement>('.field-error');
      if (error) error.dataset['errorFor'] = `invited.${i}.name`;
    });
  }

  private draft(): MeetingDraft {
    const value = (id: string): string => byId<HTMLInputElement>(id).value.trim();
    return {
      caseIds: [...this.form.querySelectorAll<HTMLInputElement>('input[name="caseIds"]:checked')].map((i) => i.value),
      topic: value('convene-topic'),
      time: value('convene-time'),
      place: value('convene-place'),
      invited: [...this.parties.querySelectorAll<HTMLElement>('.party')].map((row) => ({
        name: row.querySelector<HTMLInputElement>('input[name="partyName"]')?.value.trim() ?? '',
        role: row.querySelector<HTMLInputElement>('input[name="partyRole"]')?.value.trim() ?? '',
      })),
    };
  }

  private async convene(): Promise<void> {
    const { session, place } = this.board;
    if (!session.current) return;
    const message = byId('convene-message');
    setMessage(message, null);
    clearErrors(this.form);
    const planned = meetingRequest(place.communityId, this.draft());
    if ('errors' in planned) {
      showFieldErrors(this.form, planned.errors);
      return;
    }
    const submit = byId<HTMLButtonElement>('convene-submit');
    submit.disabled = true;
    try {
      const result = await request<Consultation>('/api/v1/consultations', { method: 'POST', token: session.token, body: planned.body });
      this.form.reset();
      this.suggested.clear();
      this.parties.replaceChildren();
      this.addParty();
      byId('convene-case-list').dataset['signature'] = '';
      this.renderCases();
      message.dataset['consultationId'] = result.consultationId;
      setMessage(message, tx('convene.done', { topic: result.topic, time: formatDateTime(result.time) }), 'ok');
    } catch (err) {
      if (session.handleAuthError(err)) return;
      const placed = err instanceof ApiError && err.status === 400 && Object.keys(err.fieldErrors).length > 0
        && showFieldErrors(this.form, err.fieldErrors);
      if (!placed) setMessage(message, describeError(err), 'error');
    } finally {
      submit.disabled = false;
    }
  }
}
