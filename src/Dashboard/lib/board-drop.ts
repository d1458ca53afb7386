// Assign by drag and drop: which roster row a drop landed on, and whether that assignment may go.
import type { CaseView, RosterEntry } from './types';

/** The cadre id of the `[data-cadre-id]` row (or any element) holding `target`, or null. */
export function resolveDropTarget(target: EventTarget | null): string | null {
  if (!target || typeof (target as Element).closest !== 'function') {
    const parent = (target as Node | null)?.parentElement ?? null;
    if (!parent) return null;
    return resolveDropTarget(parent);
  }
  const row = (target as Element).closest<HTMLElement>('[data-cadre-id]');
  const id = row?.dataset['cadreId'];
  return id ? id : null;
}

export type DropVerdict =
  | { ok: true; cadreId: string; reassign: boolean }
  | { ok: false; reason: 'noTarget' | 'unknownCase' | 'unknownCadre' | 'notAllowed' | 'sameCadre' | 'offDuty' };

/** Whether dropping case `c` onto cadre `cadre` assigns it; `canAssign` is what the board's rules allow for the case. */
export function dropVerdict(
  c: Pick<CaseView, 'assigneeId'> | undefined,
  cadreId: string | null,
  cadre: Pick<RosterEntry, 'id' | 'onDuty'> | undefined,
  canAssign: boolean,
): DropVerdict {
  if (!cadreId) return { ok: false, reason: 'noTarget' };
  if (!c) return { ok: false, reason: 'unknownCase' };
  if (!cadre) return { ok: false, reason: 'unknownCadre' };
  if (!canAssign) return { ok: false, reason: 'notAllowed' };
  if (c.assigneeId === cadreId) return { ok: false, reason: 'sameCadre' };
  if (!cadre.onDuty) return { ok: false, reason: 'offDuty' };
  return { ok: true, cadreId, reassign: !!c.assigneeId };
}

/** Roster state for the board: off duty, on duty and free, or busy (on duty with cases). */
export function rosterState(entry: Pick<RosterEntry, 'onDuty' | 'load'>): 'off' | 'onDuty' | 'busy' {
  if (!entry.onDuty) return 'off';
  return entry.load > 0 ? 'busy' : 'onDuty';
}
