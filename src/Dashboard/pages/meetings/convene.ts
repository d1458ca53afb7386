// Convening a 7+X consultation from /meetings: tick open cases of the community (prefilled from
// `?cases=a,b`, as the board's early warning links here), a topic, a time and a place, and invite
// parties by name and role — with a staff account, the party's inbox keeps the invitation.
import { ApiError, describeError, getCommunityCases, request } from '../../lib/api';
import { toLocalInputValue } from '../../lib/datetime';
import { byId, h, setMessage } from '../../lib/dom';
import { clearErrors, showFieldErrors } from '../../lib/forms';
import { formatDateTime } from '../../lib/i18n';
import type { CommunityNames } from '../../lib/names';
import type { StaffSession } from '../../lib/session';
import type { CaseView } from '../../lib/types';
import { meetingRequest, type MeetingDraft } from '../board/meeting';
import { meetingHref, tx, type Consultation } from './context';

export class ConveneForm {
  private readonly form = byId<HTMLFormElement>('convene-form');
  private readonly parties = byId('convene-parties');
  private open: CaseView[] = [];
  /** Ticked before the cases arrived (the link's `?cases=`), then whatever the person ticks. */
  private ticked: Set<string>;

  /** `names`: the community's, already loaded (the form is only for a community that exists). */
  constructor(
    private readonly session: StaffSession,
    private readonly communityId: string,
    private readonly names: CommunityNames,
    prefill: readonly string[],
    private readonly convened: (consultation: Consultation) => void,
  ) {
    this.ticked = new Set(prefill);
  }

  async start(openNow: boolean): Promise<void> {
    const section = byId<HTMLDetailsElement>('convene-section');
    section.hidden = false;
    section.open = openNow;
    byId<HTMLInputElement>('convene-time').min = toLocalInputValue(new Date());
    byId('convene-add-party').addEventListener('click', () => this.addParty());
    this.parties.addEventListener('click', (event) => {
      const button = (event.target as HTMLElement | null)?.closest<HTMLButtonElement>('button[data-remove-party]');
      if (!button) return;
      button.closest('.party')?.remove();
      this.renumber();
    });
    byId('convene-case-list').addEventListener('change', (event) => {
      const box = event.target as HTMLInputElement;
      if (box.name !== 'caseIds') return;
      if (box.checked) this.ticked.add(box.value);
      else this.ticked.delete(box.value);
    });
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.convene();
    });
    this.addParty();
    await this.loadCases();
  }

  async loadCases(): Promise<void> {
    try {
      this.open = await getCommunityCases(this.session.token, this.communityId);
      this.renderCases();
    } catch (err) {
      if (!this.session.handleAuthError(err)) setMessage(byId('convene-message'), describeError(err), 'error');
    }
  }

  /** The community's open cases to choose from (not yet closed), oldest first; the ticks survive a redraw. */
  renderCases(): void {
    const open = this.open.filter((c) => c.status !== 'closed').sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
    byId('convene-case-list').replaceChildren(...(open.length === 0
      ? [h('p', { class: 'muted' }, tx('convene.noCases'))]
      : open.map((c) => h('label', { class: 'check convene-case', 'data-case-id-ref': c.caseId },
        h('input', { type: 'checkbox', name: 'caseIds', value: c.caseId, checked: this.ticked.has(c.caseId) }),
        ` ${this.names.category(c.category)} · ${this.names.compound(c.location.compound)} · `, h('span', { class: 'mono' }, c.caseId)))));
  }

  private addParty(): void {
    const field = (name: string, key: string, attrs: Record<string, string | number> = {}): HTMLLabelElement =>
      h('label', {}, h('span', { 'data-i18n': `meetings.convene.${key}` }, tx(`convene.${key}`)), h('input', { name, maxlength: 100, autocomplete: 'off', ...attrs }));
    this.parties.append(h('div', { class: 'party', 'data-party': '' },
      field('partyName', 'name'), field('partyRole', 'role'), field('partyAccount', 'account', { spellcheck: 'false' }),
      h('button', { type: 'button', class: 'small secondary', 'data-remove-party': '', 'data-i18n': 'meetings.convene.removeParty' }, tx('convene.removeParty')),
      h('p', { class: 'field-error', 'data-error-for': '' }),
    ));
    this.renumber();
  }

  private renumber(): void {
    this.parties.querySelectorAll<HTMLElement>('.party').forEach((row, i) => {
      row.dataset['party'] = String(i);
      for (const [name, suffix] of [['partyName', 'name'], ['partyRole', 'role'], ['partyAccount', 'account']] as const) {
        const input = row.querySelector<HTMLInputElement>(`input[name="${name}"]`);
        if (input) input.id = `convene-party-${i}-${suffix}`;
      }
      const error = row.querySelector<HTMLElement>('.field-error');
      if (error) error.dataset['errorFor'] = `invited.${i}.name`;
    });
  }

  private draft(): MeetingDraft {
    const value = (id: string): string => byId<HTMLInputElement>(id).value.trim();
    const input = (row: Element, name: string): string => row.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value.trim() ?? '';
    return {
      caseIds: [...this.form.querySelectorAll<HTMLInputElement>('input[name="caseIds"]:checked')].map((i) => i.value),
      topic: value('convene-topic'),
      time: value('convene-time'),
      place: value('convene-place'),
      invited: [...this.parties.querySelectorAll<HTMLElement>('.party')].map((row) => ({
        name: input(row, 'partyName'), role: input(row, 'partyRole'), accountId: input(row, 'partyAccount') || undefined,
      })),
    };
  }

  private async convene(): Promise<void> {
    if (!this.session.current) return;
    const message = byId('convene-message');
    setMessage(message, null);
    clearErrors(this.form);
    const planned = meetingRequest(this.communityId, this.draft());
    if ('errors' in planned) {
      showFieldErrors(this.form, planned.errors);
      return;
    }
    const submit = byId<HTMLButtonElement>('convene-submit');
    submit.disabled = true;
    try {
      const result = await request<Consultation>('/api/v1/consultations', { method: 'POST', token: this.session.token, body: planned.body });
      this.form.reset();
      this.ticked.clear();
      this.parties.replaceChildren();
      this.addParty();
      message.dataset['consultationId'] = result.consultationId;
      setMessage(message, tx('convene.done', { topic: result.topic, time: formatDateTime(result.time) }), 'ok');
      message.append(' ', h('a', { href: meetingHref(result.consultationId), id: 'convened-link' }, tx('convene.open')));
      this.convened(result);
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
