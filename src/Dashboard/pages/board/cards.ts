// A case's card: category, level, status, deadline, place, mode, assignee, a possible duplicate
// to merge, the last outcome, and the actions this viewer may take (assign, mode, resolve, hand
// back, escalate) folded under it. A card is built again only when what it shows changed, so
// focus, typing and open folds survive pushes.
import { boardActions, takenAtLevel, type BoardAction } from '../../lib/actions';
import { relevantDeadline } from '../../lib/deadlines';
import { h } from '../../lib/dom';
import { actionForm, fold, type Drafts, trackFolds, type ActionFormSpec } from '../../lib/forms';
import { formatDateTime, locale } from '../../lib/i18n';
import { actorText, kindText, levelText, MODES, modeText, statusText } from '../../lib/labels';
import { casePointLine } from '../../lib/locate';
import { deadlineEl } from '../../lib/ticker';
import { phoneElement, type PhoneHost } from '../../lib/phone-reveal';
import { renderTimeline } from '../../lib/timeline';
import type { CaseView, RosterEntry } from '../../lib/types';
import { tx, type Board } from './board';

/** True while a case waits for a cadre to come on duty (its latest event is `waiting`). */
export function isWaiting(c: Pick<CaseView, 'status' | 'timeline'>): boolean {
  const latest = c.timeline.reduce<CaseView['timeline'][number] | null>((a, e) => (!a || e.seq > a.seq ? e : a), null);
  return (c.status === 'accepted' || c.status === 'submitted') && latest?.type === 'waiting';
}

/** The on-duty cadres a case could go to, those who take its category first, then the least loaded. */
export function candidates(c: Pick<CaseView, 'assigneeId' | 'category'>, roster: Iterable<RosterEntry>): RosterEntry[] {
  return [...roster]
    .filter((r) => r.onDuty && r.id !== c.assigneeId)
    .sort((a, b) =>
      Number(b.categories.includes(c.category)) - Number(a.categories.includes(c.category))
      || a.load - b.load || a.name.localeCompare(b.name, 'zh-CN'));
}

export class Cards {
  /** Card elements by case id, rebuilt only when their content changes. */
  private readonly cache = new Map<string, { signature: string; el: HTMLElement }>();
  /** Folds left open, by `caseId:name`. */
  readonly folds = new Set<string>();

  private readonly phone: PhoneHost;

  constructor(private readonly board: Board, root: HTMLElement, private readonly drafts: Drafts) {
    this.phone = { token: () => board.session.token, handleAuthError: (err) => board.session.handleAuthError(err) };
    trackFolds(root, this.folds);
    this.drafts.listen(root);
  }

  /** What this viewer may do with the case now. */
  actionsFor(c: CaseView): BoardAction[] {
    const { place, names } = this.board;
    return boardActions(c, place.viewer, { kind: place.kind, countyId: names.of(c.communityId).countyId });
  }

  /** Build the card again next time (its message changed, or its form must start afresh). */
  forget(caseId: string): void {
    this.cache.delete(caseId);
  }

  /** Drop the cards of cases no longer on the board. */
  prune(live: ReadonlySet<string>): void {
    for (const id of [...this.cache.keys()]) if (!live.has(id)) this.cache.delete(id);
  }

  /** Restart the flash animation on the cards whose case just changed. */
  flash(ids: Set<string>): void {
    for (const id of ids) {
      const el = this.cache.get(id)?.el;
      if (!el) continue;
      el.classList.remove('flash');
      void el.offsetWidth;
      el.classList.add('flash');
    }
    ids.clear();
  }

  card(c: CaseView): HTMLElement {
    const { place, store } = this.board;
    const n = this.board.names.of(c.communityId);
    const actions = this.actionsFor(c);
    const dups = actions.includes('merge') ? this.duplicatesOnBoard(c) : [];
    const message = store.messages.get(c.caseId) ?? null;
    const signature = JSON.stringify([
      c, n.loaded, actions, message, locale(),
      actions.includes('assign') ? candidates(c, store.roster.values()).map((r) => [r.id, r.name, r.load]) : null,
      dups.map((d) => [d.caseId, d.category, d.location, d.submittedAt, d.status]),
    ]);
    const cached = this.cache.get(c.caseId);
    if (cached && cached.signature === signature) return cached.el;

    const mode = c.mode ? modeText(c.mode) : null;
    const waiting = isWaiting(c);
    const draggable = actions.includes('assign') && place.kind === 'community';
    const el = h('article', {
      class: 'case-card', 'data-case-id': c.caseId, 'data-status': c.status, 'data-waiting': String(waiting),
      'data-assignee-id': c.assigneeId ?? '', 'data-level': c.level ?? 'community', 'data-mode': c.mode ?? '',
      'data-category': c.category, 'data-compound': c.location?.compound ?? '',
      draggable: draggable ? 'true' : null, 'data-draggable': String(draggable), title: draggable ? tx('card.drag') : null,
    },
      h('div', { class: 'case-head' },
        h('strong', { class: 'case-category' }, n.category(c.category)),
        h('span', { class: 'pills' },
          c.level && c.level !== 'community' ? h('span', { class: 'pill level', 'data-level': c.level }, levelText(c.level)) : null,
          h('span', { class: 'pill', 'data-status': c.status }, statusText(c.status)),
        ),
      ),
      h('div', { class: 'case-deadline' }, deadlineEl(relevantDeadline(c))),
      waiting ? h('p', { class: 'waiting-line' }, h('span', { class: 'pill waiting' }, tx('card.waiting'))) : null,
      h('div', { class: 'case-place' },
        place.kind === 'scope' ? `${(locale() === 'en' ? n.nameEn : n.name) ?? c.communityId} · ` : '',
        n.place(c.location) || '—'),
      h('div', { class: 'case-meta' },
        kindText(c.kind), ' · ', h('span', { class: 'case-mode' }, mode ?? tx('card.modeNotSet')),
      ),
      h('div', { class: 'case-assignee' }, c.assignee ? `${tx('card.assignee')}: ${c.assignee}` : tx('card.unassigned')),
      this.takenLine(c),
      h('div', { class: 'case-meta' }, tx('card.submitted'), ' ', h('time', { datetime: c.submittedAt }, formatDateTime(c.submittedAt))),
      c.reopenCount > 0
        ? h('div', { class: 'case-meta', 'data-reopen-count': c.reopenCount }, h('span', { class: 'pill waiting' }, tx('card.reopened', { count: c.reopenCount })))
        : null,
      dups.length > 0 ? this.duplicateHint(c, dups) : null,
      h('div', { class: 'case-id' }, c.caseId),
      h('p', { class: 'message case-message', role: 'alert', hidden: !message, 'data-kind': message?.kind ?? 'info' }, message?.text ?? ''),
      actions.length > 0 ? fold('actions', c.caseId, tx('card.actions'), this.folds, ...this.actionForms(c, actions)) : null,
      fold('details', c.caseId, tx('card.details'), this.folds,
        h('p', { class: 'description' }, c.description),
        casePointLine(c.location),
        c.contact ? h('p', { class: 'case-contact' }, tx('card.contact'), ': ', c.contact.name, ' ', c.contact.phone ? phoneElement(c.caseId, c.contact.phone, this.phone) : null) : null,
        renderTimeline(c.timeline, undefined, { audience: 'staff', owner: (id) => n.owner(id) }),
      ),
    );
    this.cache.set(c.caseId, { signature, el });
    return el;
  }

  /** Who took the case at the level it is at now (接办), on a case above the community. */
  private takenLine(c: CaseView): HTMLElement | null {
    const taken = c.level && c.level !== 'community' ? takenAtLevel(c.timeline) : null;
    return taken ? h('div', { class: 'case-taken', 'data-taken-by': taken.actor }, tx('card.takenBy', { who: actorText(taken.actor, taken.actorName) })) : null;
  }

  /** The possible duplicates still open on this board. */
  private duplicatesOnBoard(c: CaseView): CaseView[] {
    return (c.possibleDuplicates ?? []).map((id) => this.board.store.cases.get(id)).filter((d): d is CaseView => !!d && d.status !== 'closed');
  }

  private duplicateHint(c: CaseView, dups: CaseView[]): HTMLElement {
    return h('div', { class: 'dup-hint', 'data-duplicates': dups.map((d) => d.caseId).join(' ') },
      h('strong', {}, tx('card.duplicate')),
      h('ul', {}, ...dups.map((d) => {
        const dn = this.board.names.of(d.communityId);
        return h('li', { 'data-duplicate-of': d.caseId },
          h('span', {}, dn.category(d.category), ' · ', dn.place(d.location) || '—', ' · ',
            h('time', { datetime: d.submittedAt }, formatDateTime(d.submittedAt)), ' · ',
            h('span', { class: 'mono' }, d.caseId)),
          h('button', {
            type: 'button', class: 'small secondary', 'data-action': 'merge', 'data-case-id': c.caseId, 'data-into-case-id': d.caseId,
          }, tx('card.mergeInto')),
        );
      })),
    );
  }

  private actionForms(c: CaseView, actions: readonly BoardAction[]): HTMLElement[] {
    const form = (spec: Omit<ActionFormSpec, 'caseId'>): HTMLFormElement => actionForm({ ...spec, caseId: c.caseId }, this.drafts);
    const text = (name: string, label: string, submit: string): HTMLFormElement =>
      form({ form: name, fields: [{ name: FIELD[name] ?? 'note', required: true, label: tx(label) }], submit: tx(submit), secondary: name !== 'resolve', className: name === 'resolve' ? 'resolve-form' : undefined });
    const out: HTMLElement[] = [];
    if (actions.includes('assign')) {
      const people = candidates(c, this.board.store.roster.values());
      out.push(people.length === 0
        ? h('p', { class: 'hint', 'data-form-empty': 'assign' }, tx('form.noCadre'))
        : form({
          form: 'assign',
          fields: [{
            name: 'cadreId', type: 'select', required: true, label: tx(c.assigneeId ? 'form.reassignTo' : 'form.assignTo'),
            options: people.map((r) => ({
              value: r.id,
              label: tx('form.candidate', { name: r.name, load: r.load }) + (r.categories.includes(c.category) ? tx('form.takesCategory') : ''),
            })),
          }],
          submit: tx(c.assigneeId ? 'form.reassign' : 'form.assign'),
        }));
    }
    if (actions.includes('mode')) {
      out.push(form({
        form: 'mode',
        fields: [{
          name: 'mode', type: 'select', required: true, label: tx('form.modeTo'),
          options: MODES.filter((m) => m !== c.mode).map((m) => ({ value: m, label: modeText(m) })),
        }],
        submit: tx('form.mode'), secondary: true,
      }));
    }
    if (actions.includes('take')) out.push(form({ form: 'take', fields: [], submit: tx('form.take') }));
    if (actions.includes('resolve')) out.push(text('resolve', 'form.resolveNote', 'form.resolve'));
    if (actions.includes('return')) out.push(text('return', 'form.returnNote', 'form.return'));
    if (actions.includes('escalate')) out.push(text('escalate', 'form.escalateReason', 'form.escalate'));
    return out;
  }
}

/** The one text field of the board's text actions. */
const FIELD: Record<string, string> = { resolve: 'note', return: 'instructions', escalate: 'reason' };
