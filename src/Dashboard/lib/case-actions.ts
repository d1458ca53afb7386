// Staff actions on a case, one way for the board, the officials' board and the cadre page: the
// action forms (`form[data-form][data-case-id]`) and plain action buttons are turned into
// `POST /api/v1/cases/{id}/{action}` with the case's last seq we know (`expectedSeq`), so a stale
// page is refused (409) rather than acting on a case that moved on. A refusal shows on the case
// and the case is read again; a 401 ends the session.
import { ApiError, caseAction, describeError, type CaseActionRoute } from './api';
import { localInputToIso } from './datetime';
import { submitActionForm, type Drafts } from './forms';
import type { StaffSession } from './session';
import { lastSeq } from './timeline';
import type { CaseActionRequest, CaseView, HandlingMode } from './types';

/** The last outcome shown on a case, until its next action. */
export interface CaseMessage {
  text: string;
  kind: 'error' | 'ok';
}

/** Which request fields each action form fills; null for a form that is not an action. */
export function bodyFor(action: string, values: Record<string, string>): CaseActionRequest | null {
  switch (action) {
    case 'assign': return { cadreId: values['cadreId'] };
    case 'mode': return { mode: values['mode'] as HandlingMode };
    case 'decline': case 'escalate': return { reason: values['reason'] };
    case 'consent': case 'documents': case 'result': return { note: values['note'] };
    case 'resolve': {
      // The photo field holds the uploaded photos' URLs, one a line (lib/photo-picker.ts).
      const photos = (values['photos'] ?? '').split('\n').filter(Boolean);
      return photos.length > 0 ? { note: values['note'], photos } : { note: values['note'] };
    }
    case 'return': return { instructions: values['instructions'] };
    case 'take': return {};
    case 'accompaniment': return { when: localInputToIso(values['when'] ?? '') ?? '', where: values['where'], office: values['office'] };
    default: return null;
  }
}

/** True when a refusal means the case has probably moved on, so the page should read it again. */
export function shouldReread(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 409 || err.status === 404 || err.status === 403);
}

/** What a page lends the actions: its session, its view of the cases and how it shows outcomes. */
export interface CaseActionHost {
  session: StaffSession;
  drafts: Drafts;
  messages: Map<string, CaseMessage>;
  /** The case as the page shows it (its last seq goes with the action). */
  known: (caseId: string) => CaseView | undefined;
  /** The server took the action and answered the case after it. */
  done: (caseId: string, action: CaseActionRoute, result: CaseView) => void;
  /** A case's message changed: draw it. */
  changed: (caseId: string) => void;
  /** Read the case (or the page's cases) again. */
  reread: (caseId: string) => void;
}

/** A plain button's action: the route, its body, and a question to confirm first. */
export interface ClickAction {
  action: CaseActionRoute;
  body: CaseActionRequest;
  confirm?: string;
}

export interface ListenOptions {
  /** Extra client checks of a form: messages by field, or null. */
  validate?: (action: string, values: Record<string, string>) => Record<string, string> | null;
  /** The action of a plain (non-submit) `button[data-action][data-case-id]`, or null to leave it. */
  click?: (button: HTMLButtonElement) => ClickAction | null;
}

export class CaseActions {
  constructor(private readonly host: CaseActionHost) {}

  /** Send one action with the seq we know; the host shows the answer. */
  async perform(caseId: string, action: CaseActionRoute, body: CaseActionRequest): Promise<void> {
    const token = this.host.session.current?.token;
    if (!token) return;
    const known = this.host.known(caseId);
    const expectedSeq = known ? lastSeq(known.timeline) : undefined;
    const result = await caseAction(token, caseId, action, { ...body, expectedSeq });
    this.host.drafts.clearForm(caseId, action);
    this.host.done(caseId, action, result);
  }

  /** Show why an action did not go through, on its case; read the case again when it moved on. */
  failed(caseId: string, err: unknown): void {
    if (this.host.session.handleAuthError(err)) return;
    this.host.messages.set(caseId, { text: describeError(err), kind: 'error' });
    this.host.changed(caseId);
    if (shouldReread(err)) this.host.reread(caseId);
  }

  /** Take the action forms and buttons under `root`. */
  listen(root: HTMLElement, options: ListenOptions = {}): void {
    root.addEventListener('submit', (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.dataset['form']) return;
      event.preventDefault();
      const action = form.dataset['form'] as CaseActionRoute;
      const caseId = form.dataset['caseId'] ?? '';
      void submitActionForm({
        form,
        validate: options.validate ? (values) => options.validate?.(action, values) ?? null : undefined,
        call: (values) => {
          const body = bodyFor(action, values);
          return body ? this.perform(caseId, action, body) : Promise.reject(new Error(`Unknown action ${action}`));
        },
        onSuccess: () => undefined,
        onError: (err) => this.failed(caseId, err),
      });
    });
    root.addEventListener('click', (event) => {
      const button = (event.target as HTMLElement | null)?.closest<HTMLButtonElement>('button[data-action]');
      if (!button || button.type === 'submit' || button.disabled) return;
      const caseId = button.dataset['caseId'] ?? '';
      const plan = caseId ? options.click?.(button) : null;
      if (!plan) return;
      if (plan.confirm && !window.confirm(plan.confirm)) return;
      button.disabled = true;
      this.perform(caseId, plan.action, plan.body).catch((err: unknown) => {
        button.disabled = false;
        this.failed(caseId, err);
      });
    });
  }
}
