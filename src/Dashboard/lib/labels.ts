// Words for the contract's enums, from the resource files (locales/{zh,en}/labels.json, keys
// `labels.<group>.<value>`). Unknown values fall back to the raw value, so a new enum member on
// the server shows up instead of breaking the page.
//
// The `…Text` functions return one string in the language the person chose (`statusText('resolved')`
// → the zh or en text of `labels.status.resolved`). The value lists below feed select options.
import { hasText, t } from './i18n';
import type { CaseLevel, HandlingMode } from './types';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected' | 'unauthorized';
export type DeadlineKindName = 'offer' | 'acknowledge' | 'resolve' | 'rate';

/**
 * The contract's camelCase for an enum name the server wrote in C# form (`DoForYou` →
 * `doForYou`): some event notes and problem details carry the PascalCase name.
 */
export function camelEnum(value: string | null | undefined): string {
  if (!value) return '';
  return value.charAt(0).toLowerCase() + value.slice(1);
}

/** The word for `value` of enum `group` in the current language; '—' for none, the raw value when unknown. */
function word(group: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  const key = `labels.${group}.${camelEnum(value)}`;
  return hasText(key) ? t(key) : value;
}

export const statusText = (status: string | null | undefined): string => word('status', status);
/** A short title for a timeline event type (the full sentence comes from `describeEvent`). */
export const eventText = (type: string | null | undefined): string => word('event', type);
export const modeText = (mode: string | null | undefined): string => word('mode', mode);
export const kindText = (kind: string | null | undefined): string => word('kind', kind);
export const levelText = (level: string | null | undefined): string => word('level', level);
export const closureText = (closure: string | null | undefined): string => word('closure', closure);
export const stepText = (step: string | null | undefined): string => word('step', step);
export const ratingText = (rating: string | null | undefined): string => word('rating', rating);
export const connectionText = (state: ConnectionState): string => word('connection', state);
/** What a deadline is for: to staff ("Resolve by") or to the resident ("To be resolved by"). */
export const deadlineText = (kind: DeadlineKindName, resident = false): string =>
  t(`labels.${resident ? 'residentDeadline' : 'deadline'}.${kind}`);

/** Who did it, for a timeline line: the display name, else a word for the actor kind. */
export function actorText(actor: string | null | undefined, actorName: string | null | undefined): string {
  if (actorName) return actorName;
  const kind = (actor ?? '').split(':')[0] ?? '';
  const key = `labels.actor.${kind}`;
  return hasText(key) ? t(key) : t('labels.actor.system');
}

/** The handling modes, in the order they are offered. */
export const MODES: readonly HandlingMode[] = ['doItNow', 'leadThrough', 'doForYou'];
/** The levels of the ladder, bottom to top. */
export const LEVELS: readonly CaseLevel[] = ['community', 'subdistrict', 'department', 'leader'];
