// The video-petition inbox of the official's level (视频信访): each open petition with its case, who
// asked and the times proposed; accept one at a time the official picks, join the call at
// /video/{petitionId} once scheduled, and record what came of it. Read on load, after each
// (re)connect and whenever a case's push says a petition moved.
import { ApiError, describeError } from '../../lib/api';
import { localInputToIso, toLocalInputValue } from '../../lib/datetime';
import { byId, h } from '../../lib/dom';
import { formatDateTime, locale } from '../../lib/i18n';
import { actorText } from '../../lib/labels';
import { acceptPetition, listPetitions, recordPetitionOutcome, type VideoPetition } from '../../lib/official-api';
import { ox, type Official } from './context';

export class Petitions {
  private petitions: VideoPetition[] = [];
  private readonly list = byId('petition-list');
  /** The last outcome shown on a petition: a key of official.json (said again in the other language), or a refusal's words. */
  private readonly messages = new Map<string, { key?: string; text?: string; kind: 'ok' | 'error' }>();

  constructor(private readonly official: Official) {
    this.list.addEventListener('submit', (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.dataset['petitionForm']) return;
      event.preventDefault();
      void this.submit(form);
    });
  }

  async load(): Promise<void> {
    const { session, level } = this.official;
    try {
      this.petitions = await listPetitions(session.token, level.ownerId);
    } catch (err) {
      if (session.handleAuthError(err)) return;
    }
    this.render();
  }

  render(): void {
    this.list.replaceChildren(...this.petitions.map((p) => this.item(p)));
    byId('petitions-count').textContent = String(this.petitions.length);
    byId('petitions-empty').hidden = this.petitions.length > 0;
  }

  private item(p: VideoPetition): HTMLElement {
    const message = this.messages.get(p.petitionId);
    const n = this.official.names.of(p.communityId);
    const slots = p.slots.map((s) => formatDateTime(s)).join(' · ');
    return h('article', { class: 'case-card petition', 'data-petition-id': p.petitionId, 'data-case-id': p.caseId, 'data-petition-status': p.status },
      h('div', { class: 'case-head' },
        h('strong', {}, ox('petitions.case', { caseId: p.caseId })),
        h('span', { class: 'pill', 'data-status': p.status }, ox(`petitions.status.${p.status}`)),
      ),
      h('div', { class: 'case-meta' }, ((locale() === 'en' ? n.nameEn : n.name) ?? p.communityId), ' · ', ox('petitions.requestedBy', { who: actorText(p.requestedBy, p.requestedByName) }),
        ' · ', h('time', { datetime: p.requestedAt }, formatDateTime(p.requestedAt))),
      p.note ? h('p', { class: 'description' }, p.note) : null,
      slots ? h('div', { class: 'case-meta' }, ox('petitions.slots', { slots })) : null,
      p.status === 'scheduled' && p.scheduledFor
        ? h('div', { class: 'case-meta petition-time' }, ox('petitions.scheduledFor', { time: formatDateTime(p.scheduledFor) }), ' ',
          h('a', { class: 'button small', href: `/video/${encodeURIComponent(p.petitionId)}`, 'data-join': p.petitionId }, ox('petitions.join')))
        : null,
      h('p', { class: 'message case-message', role: 'alert', hidden: !message, 'data-kind': message?.kind ?? 'info' },
        message?.key ? ox(message.key) : message?.text ?? ''),
      p.status === 'requested' ? this.acceptForm(p) : null,
      p.status === 'scheduled' ? this.outcomeForm(p) : null,
    );
  }

  private acceptForm(p: VideoPetition): HTMLFormElement {
    const first = p.slots.find((s) => Date.parse(s) > Date.now());
    const id = `petition-slot-${p.petitionId}`;
    return h('form', { class: 'action-form', 'data-petition-form': 'accept', 'data-petition-id': p.petitionId, novalidate: true },
      h('div', { class: 'field' },
        h('label', { for: id }, ox('petitions.slot')),
        h('input', { id, name: 'slot', type: 'datetime-local', required: true, value: first ? toLocalInputValue(new Date(first)) : '' }),
        h('p', { class: 'field-error', 'data-error-for': 'slot' })),
      h('button', { type: 'submit' }, ox('petitions.accept')));
  }

  private outcomeForm(p: VideoPetition): HTMLFormElement {
    const id = `petition-outcome-${p.petitionId}`;
    return h('form', { class: 'action-form', 'data-petition-form': 'outcome', 'data-petition-id': p.petitionId, novalidate: true },
      h('div', { class: 'field' },
        h('label', { for: id }, ox('petitions.outcome')),
        h('textarea', { id, name: 'outcome', required: true, rows: 3, maxlength: 2000 }),
        h('p', { class: 'field-error', 'data-error-for': 'outcome' })),
      h('button', { type: 'submit', class: 'secondary' }, ox('petitions.record')));
  }

  private async submit(form: HTMLFormElement): Promise<void> {
    const id = form.dataset['petitionId'] ?? '';
    const kind = form.dataset['petitionForm'];
    const data = new FormData(form);
    const error = form.querySelector<HTMLElement>('.field-error');
    const value = String(data.get(kind === 'accept' ? 'slot' : 'outcome') ?? '').trim();
    const slot = kind === 'accept' ? localInputToIso(value) : null;
    if (!value || (kind === 'accept' && !slot)) {
      if (error) error.textContent = ox('petitions.required');
      return;
    }
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (button) button.disabled = true;
    try {
      const token = this.official.session.token;
      const updated = kind === 'accept' ? await acceptPetition(token, id, slot!) : await recordPetitionOutcome(token, id, value);
      this.messages.set(id, { key: kind === 'accept' ? 'petitions.accepted' : 'petitions.recorded', kind: 'ok' });
      this.petitions = this.petitions.map((p) => (p.petitionId === id ? updated : p)).filter((p) => p.status === 'requested' || p.status === 'scheduled');
      this.render();
    } catch (err) {
      if (this.official.session.handleAuthError(err)) return;
      if (button) button.disabled = false;
      if (err instanceof ApiError && err.status === 409) void this.load();
      this.messages.set(id, { text: describeError(err), kind: 'error' });
      this.render();
    }
  }
}
