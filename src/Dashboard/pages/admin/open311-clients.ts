// Open311 clients: the list (rate, issued, revoked), issuing a client its api_key (shown once, with a
// copy button, never again), and revoking one (after a confirmation). Texts: locales/{zh,en}/open311Clients.json.
import { describeError } from '../../lib/api';
import { byId, h, setMessage, timeEl } from '../../lib/dom';
import { t } from '../../lib/i18n';
import {
  issueOpen311Client, listOpen311Clients, revokeOpen311Client, type Open311Client,
} from '../../lib/open311-clients-api';
import { guard, type AdminContext } from './context';
import { InputError, recordForm, type FieldSpec } from './form';
import { clientState, IssueRequest, MAX_REQUESTS_PER_MINUTE, parseRate, sortClients } from './open311-logic';

/** A text of the Open311 clients panel. */
const ox = (key: string, params?: Record<string, string | number>): string => t(`open311Clients.${key}`, params);

export class Open311ClientsPanel {
  private clients: Open311Client[] = [];
  private readonly issue = new IssueRequest();
  private readonly body = byId<HTMLTableSectionElement>('open311-body');
  private readonly message = byId('open311-message');
  private readonly issued = byId('open311-issued');
  private readonly key = byId('open311-key');

  constructor(private readonly ctx: AdminContext) {
    byId('open311-copy').addEventListener('click', () => void this.copy());
    byId('open311-dismiss').addEventListener('click', () => this.forgetKey());
  }

  async load(): Promise<void> {
    try {
      this.clients = await listOpen311Clients(this.ctx.session.token);
      this.render();
    } catch (err) {
      if (!this.ctx.session.handleAuthError(err)) setMessage(this.message, describeError(err), 'error');
    }
  }

  render(): void {
    const create = byId('open311-issue');
    if (!create.firstElementChild) create.replaceChildren(this.issueForm());
    this.body.replaceChildren(...sortClients(this.clients).map((c) => this.row(c)));
    byId('open311-empty').hidden = this.clients.length > 0;
  }

  private issueForm(): HTMLFormElement {
    const fields: FieldSpec[] = [
      { name: 'name', label: 'open311Clients.name', kind: 'text', maxlength: 100 },
      { name: 'contact', label: 'open311Clients.contact', kind: 'text', maxlength: 200, hint: 'open311Clients.contactHint' },
      { name: 'requestsPerMinute', label: 'open311Clients.rate', kind: 'number', min: 1, max: MAX_REQUESTS_PER_MINUTE, hint: 'open311Clients.rateHint' },
    ];
    return recordForm('open311-new', fields, 'open311Clients.issue', guard(this.ctx, async (v) => {
      const name = v.text('name');
      if (!name) throw new InputError('name', ox('nameRequired'));
      const rate = parseRate(v.text('requestsPerMinute'));
      if (rate === null) throw new InputError('requestsPerMinute', ox('rateInvalid', { max: MAX_REQUESTS_PER_MINUTE }));
      const answer = await issueOpen311Client(this.ctx.session.token, this.issue.body(name, v.text('contact'), rate));
      this.issue.issued();
      byId('open311-issue').replaceChildren(this.issueForm());
      this.showKey(answer.client.name, answer.apiKey);
      await this.afterChange(ox('issuedDone', { name: answer.client.name }));
    }));
  }

  private row(c: Open311Client): HTMLTableRowElement {
    const state = clientState(c);
    const revoke = state === 'active'
      ? h('button', { type: 'button', class: 'small secondary', 'data-action': 'revoke' }, ox('revoke'))
      : null;
    revoke?.addEventListener('click', () => void this.revoke(c, revoke));
    return h('tr', { 'data-client-id': c.id, 'data-state': state },
      h('td', {}, h('strong', {}, c.name), h('br'), h('code', {}, c.id)),
      h('td', {}, c.contact ?? ''),
      h('td', {}, ox('perMinute', { n: c.requestsPerMinute })),
      h('td', {}, timeEl(c.createdAt)),
      h('td', { class: 'client-state' }, state === 'revoked' ? h('span', {}, ox('revokedAt'), ' ', timeEl(c.revokedAt)) : ox('active')),
      h('td', { class: 'row-actions' }, revoke),
    );
  }

  private async revoke(c: Open311Client, button: HTMLButtonElement): Promise<void> {
    if (!window.confirm(ox('revokeConfirm', { name: c.name }))) return;
    button.disabled = true;
    try {
      await revokeOpen311Client(this.ctx.session.token, c.id);
      await this.afterChange(ox('revokedDone', { name: c.name }));
    } catch (err) {
      if (!this.ctx.session.handleAuthError(err)) setMessage(this.message, describeError(err), 'error');
      button.disabled = false;
    }
  }

  /** The key, this once: it lives in the page until the admin dismisses it or leaves; it is never stored. */
  private showKey(name: string, apiKey: string): void {
    byId('open311-issued-name').textContent = name;
    this.key.textContent = apiKey;
    this.issued.hidden = false;
    this.issued.scrollIntoView({ block: 'nearest' });
  }

  private forgetKey(): void {
    this.key.textContent = '';
    this.issued.hidden = true;
    setMessage(byId('open311-copy-message'), null);
  }

  private async copy(): Promise<void> {
    const copyMessage = byId('open311-copy-message');
    try {
      await navigator.clipboard.writeText(this.key.textContent ?? '');
      setMessage(copyMessage, ox('copied'), 'ok');
    } catch {
      const range = document.createRange();
      range.selectNodeContents(this.key);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      setMessage(copyMessage, ox('copyManually'), 'info');
    }
  }

  private async afterChange(done: string): Promise<void> {
    this.ctx.changed();
    await this.load();
    setMessage(this.message, done, 'ok');
  }
}
