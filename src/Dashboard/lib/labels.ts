// Words for the contract's enums, from the resource files (locales/{zh,en}/labels.json, keys
// `labels.<group>.<value>`). Unknown values fall back to the raw value, so a new enum member on
// the server shows up instead of breaking the page.
//
// Use the `…Text` functions: one string in the language the person chose (`statusText('resolved')`
// → "已办结" / "Resolved"). The `…Label` functions and the `*_LABELS` tables return both languages
// at once ({ zh, en }) and stay only until every page has moved to the `…Text` ones.
import { hasText, t } from './i18n';
import type {
  CaseClosure, CaseKind, CaseLevel, CaseStatus, EventType, HandlingMode, Rating, StepType,
} from './types';

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

// ---------------------------------------------------------------------------------------------
// Both languages at once, for pages not yet on `t()` (board, cadre). Built from the same files.

export interface Label {
  zh: string;
  en: string;
}

type Messages = Record<string, string>;
const files = import.meta.glob<{ default: Messages }>('../locales/*/labels.json', { eager: true });
const ZH: Messages = files['../locales/zh/labels.json']?.default ?? {};
const EN: Messages = files['../locales/en/labels.json']?.default ?? {};

function pair(key: string, fallback: string): Label {
  return { zh: ZH[key] ?? fallback, en: EN[key] ?? fallback };
}

function table<K extends string>(group: string, values: readonly K[]): Record<K, Label> {
  return Object.fromEntries(values.map((v) => [v, pair(`${group}.${v}`, v)])) as Record<K, Label>;
}

export const STATUS_LABELS = table<CaseStatus>('status', ['submitted', 'accepted', 'assigned', 'acknowledged', 'resolved', 'closed']);
export const EVENT_LABELS = table<EventType>('event', [
  'submitted', 'accepted', 'waiting', 'assigned', 'acknowledged', 'resolved', 'rated', 'declined', 'offerExpired',
  'reassigned', 'modeChanged', 'workStarted', 'accompanimentArranged', 'ledThroughConfirmed', 'consentRecorded',
  'documentsHandedOver', 'resultHandedOver', 'receiptConfirmed', 'escalated', 'returned', 'acknowledgeOverdue',
  'resolveOverdue', 'reopened', 'closedNoResponse', 'merged', 'reporterJoined', 'videoPetitionRequested',
  'videoPetitionScheduled', 'videoPetitionHeld', 'consultationConvened', 'possibleDuplicate',
]);
export const STEP_LABELS = table<StepType>('step', [
  'workStarted', 'accompanimentArranged', 'ledThroughConfirmed', 'consentRecorded', 'documentsHandedOver',
  'resultHandedOver', 'receiptConfirmed',
]);
export const LEVEL_LABELS = table<CaseLevel>('level', ['community', 'subdistrict', 'department', 'leader']);
export const CLOSURE_LABELS = table<CaseClosure>('closure', ['rated', 'noResponse', 'merged']);
export const MODE_LABELS = table<HandlingMode>('mode', ['doItNow', 'leadThrough', 'doForYou']);
export const KIND_LABELS = table<CaseKind>('kind', ['suggestion', 'grievance', 'service']);
export const RATING_LABELS = table<Rating>('rating', ['satisfied', 'basically', 'unsatisfied']);
export const CONNECTION_LABELS = table<ConnectionState>('connection', ['connecting', 'connected', 'reconnecting', 'disconnected', 'unauthorized']);

function lookup(group: string, key: string | null | undefined): Label {
  if (key === null || key === undefined || key === '') return { zh: '—', en: '' };
  return pair(`${group}.${camelEnum(key)}`, key);
}

/** @deprecated both languages; use `statusText`. */
export const statusLabel = (status: string | null | undefined): Label => lookup('status', status);
/** @deprecated both languages; use `eventText`. */
export const eventLabel = (type: string | null | undefined): Label => lookup('event', type);
/** @deprecated both languages; use `modeText`. */
export const modeLabel = (mode: string | null | undefined): Label => lookup('mode', mode);
/** @deprecated both languages; use `kindText`. */
export const kindLabel = (kind: string | null | undefined): Label => lookup('kind', kind);
/** @deprecated both languages; use `ratingText`. */
export const ratingLabel = (rating: string | null | undefined): Label => lookup('rating', rating);
/** @deprecated both languages; use `levelText`. */
export const levelLabel = (level: string | null | undefined): Label => lookup('level', level);
/** @deprecated both languages; use `closureText`. */
export const closureLabel = (closure: string | null | undefined): Label => lookup('closure', closure);
/** @deprecated both languages; use `stepText`. */
export const stepLabel = (step: string | null | undefined): Label => lookup('step', step);
/** @deprecated both languages; use `connectionText`. */
export const connectionLabel = (state: ConnectionState): Label => lookup('connection', state);

/** @deprecated "中文 English" on one line; use the `…Text` functions. */
export const plain = (label: Label): string => (label.en && label.en !== label.zh ? `${label.zh} ${label.en}` : label.zh);

/** @deprecated both languages; use `actorText`. */
export function actorLabel(actor: string | null | undefined, actorName: string | null | undefined): Label {
  if (actorName) return { zh: actorName, en: '' };
  const kind = (actor ?? '').split(':')[0] ?? '';
  return ZH[`actor.${kind}`] ? pair(`actor.${kind}`, kind) : pair('actor.system', 'system');
}
