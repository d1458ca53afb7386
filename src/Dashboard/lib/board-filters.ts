// The board's filters and search, as pure functions (no DOM, no clock): which open cases show.
import { relevantDeadline } from './deadlines';
import type { CaseView } from './types';

export interface BoardFilter {
  /** A status, or '' for any. `waiting` is accepted/submitted. */
  status: string;
  category: string;
  compound: string;
  /** A mode, `none` for "not set", or '' for any. */
  mode: string;
  level: string;
  /** Only cases whose current deadline has passed. */
  overdue: boolean;
  /** Case id or text (description, contact, building); case-insensitive, every word must match. */
  search: string;
}

export const EMPTY_FILTER: Readonly<BoardFilter> = Object.freeze({
  status: '', category: '', compound: '', mode: '', level: '', overdue: false, search: '',
});

/** True when the deadline that matters now has passed at `now` (ms). */
export function isOverdue(c: Pick<CaseView, 'status' | 'deadlines' | 'timeline'>, now: number): boolean {
  const deadline = relevantDeadline(c);
  if (!deadline) return false;
  const at = Date.parse(deadline.at);
  return !Number.isNaN(at) && at <= now;
}

function haystack(c: CaseView, extra: string): string {
  return [
    c.caseId, c.description, c.category, c.location?.compound, c.location?.building, c.location?.unit,
    c.contact?.name, c.contact?.phone, c.assignee, extra,
  ].filter(Boolean).join(' ').toLowerCase();
}

/**
 * Whether `c` passes `f`. `words` gives extra searchable text for a case (display names of its
 * category and compound in the current language), so people can search by what they read.
 */
export function matchesFilter(c: CaseView, f: BoardFilter, now: number, words: (c: CaseView) => string = () => ''): boolean {
  if (f.status) {
    const status = c.status === 'submitted' ? 'accepted' : c.status;
    if (status !== f.status) return false;
  }
  if (f.category && c.category !== f.category) return false;
  if (f.compound && c.location?.compound !== f.compound) return false;
  if (f.mode && (f.mode === 'none' ? c.mode !== null : c.mode !== f.mode)) return false;
  if (f.level && (c.level ?? 'community') !== f.level) return false;
  if (f.overdue && !isOverdue(c, now)) return false;
  const terms = f.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length > 0) {
    const text = haystack(c, words(c));
    if (!terms.every((term) => text.includes(term))) return false;
  }
  return true;
}

export function filterCases(cases: Iterable<CaseView>, f: BoardFilter, now: number, words?: (c: CaseView) => string): CaseView[] {
  return [...cases].filter((c) => matchesFilter(c, f, now, words));
}

/** How many filters are set (for a "clear filters" hint). */
export function activeFilterCount(f: BoardFilter): number {
  return [f.status, f.category, f.compound, f.mode, f.level, f.search.trim()].filter(Boolean).length + (f.overdue ? 1 : 0);
}
