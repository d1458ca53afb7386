// Alerts: `#alert-banner` and a beep when a deadline is breached (the server's overdue events, or
// a countdown reaching zero while the board is open) or, on a scope board, a case is escalated
// here. Deadlines already past when the board opened are on it in red and are not announced.
import { beep } from '../../lib/beep';
import { isOverdue } from '../../lib/board-filters';
import { relevantDeadline } from '../../lib/deadlines';
import { byId, h } from '../../lib/dom';
import type { CaseView } from '../../lib/types';
import { tx, type Board } from './board';
import type { AlertKind } from './store';

/** Alerts kept in the banner. */
const MAX_ALERTS = 5;

interface Alert {
  key: string;
  kind: AlertKind;
  caseId: string;
}

/**
 * The SLA deadlines (acknowledge-by, resolve-by) breached at `now` and not yet in `breached`, as
 * `caseId|at` keys. An offer running out only passes the case on, and rate-by is the resident's.
 */
export function newlyBreached(cases: Iterable<CaseView>, breached: ReadonlySet<string>, now: number): { caseId: string; key: string }[] {
  const out: { caseId: string; key: string }[] = [];
  for (const c of cases) {
    const d = relevantDeadline(c);
    if (!d || d.kind === 'rate' || d.kind === 'offer') continue;
    const key = `${c.caseId}|${d.at}`;
    if (!breached.has(key) && isOverdue(c, now)) out.push({ caseId: c.caseId, key });
  }
  return out;
}

export class Alerts {
  private readonly banner = byId('alert-banner');
  private alerts: Alert[] = [];
  /** Deadlines already seen breached (`caseId|at`). */
  private readonly breached = new Set<string>();
  private baselineTaken = false;

  constructor(private readonly board: Board) {}

  start(): void {
    this.banner.querySelector('#alert-dismiss')?.addEventListener('click', () => { this.alerts = []; this.render(); });
    window.setInterval(() => this.checkDeadlines(), 1_000);
  }

  /** After the first snapshot: what is overdue already is not news. */
  takeBaseline(): void {
    if (this.baselineTaken) return;
    this.baselineTaken = true;
    const now = Date.now();
    for (const c of this.board.store.cases.values()) {
      const d = relevantDeadline(c);
      if (d && isOverdue(c, now)) this.breached.add(`${c.caseId}|${d.at}`);
    }
  }

  raise(kind: AlertKind, caseId: string, key: string): void {
    if (this.alerts.some((a) => a.key === key)) return;
    this.alerts = [{ key, kind, caseId }, ...this.alerts].slice(0, MAX_ALERTS);
    beep();
    this.render();
    // The case's category may arrive with the fetch; say it then.
    if (!this.board.store.cases.has(caseId)) window.setTimeout(() => this.render(), 1_500);
  }

  render(): void {
    byId('alert-list').replaceChildren(...this.alerts.map((a) => h('li', { 'data-alert': a.kind, 'data-case-id-ref': a.caseId }, this.text(a))));
    this.banner.dataset['alertCount'] = String(this.alerts.length);
    this.banner.dataset['kind'] = this.alerts[0]?.kind ?? '';
    this.banner.hidden = this.alerts.length === 0;
  }

  private text(a: Alert): string {
    const c = this.board.store.cases.get(a.caseId);
    const category = c ? this.board.names.of(c.communityId).category(c.category) : '';
    return tx(`alert.${a.kind}`, { caseId: a.caseId, category });
  }

  /** A countdown reaching zero while we watch is a breach too (the server's overdue event may lag). */
  private checkDeadlines(): void {
    if (!this.baselineTaken) return;
    for (const { caseId, key } of newlyBreached(this.board.store.cases.values(), this.breached, Date.now())) {
      this.breached.add(key);
      this.raise('deadline', caseId, key);
    }
  }
}
