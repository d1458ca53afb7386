// Chinese and English words for the contract's enums. Unknown values fall back to the raw
// value, so a new enum member on the server shows up instead of breaking the page.
import type { CaseKind, CaseStatus, EventType, HandlingMode, Rating } from './types';

export interface Label {
  zh: string;
  en: string;
}

export const STATUS_LABELS: Record<CaseStatus, Label> = {
  submitted: { zh: '已提交', en: 'Submitted' },
  accepted: { zh: '已受理', en: 'Accepted' },
  assigned: { zh: '已派单', en: 'Assigned' },
  acknowledged: { zh: '已接单', en: 'Acknowledged' },
  resolved: { zh: '已办结', en: 'Resolved' },
  closed: { zh: '已关闭', en: 'Closed' },
};

/** What happened, in plain words, for each timeline event type. */
export const EVENT_LABELS: Record<EventType, Label> = {
  submitted: { zh: '诉求已提交', en: 'Request submitted' },
  accepted: { zh: '平台已受理', en: 'Accepted by the platform' },
  waiting: { zh: '等待干部接手', en: 'Waiting for a cadre on duty' },
  assigned: { zh: '已派给干部', en: 'Assigned to a cadre' },
  acknowledged: { zh: '干部已接单', en: 'The cadre has taken it on' },
  resolved: { zh: '已办结', en: 'Resolved' },
  rated: { zh: '居民已评价', en: 'Rated by the resident' },
};

export const MODE_LABELS: Record<HandlingMode, Label> = {
  doItNow: { zh: '马上办', en: 'Do it now' },
  leadThrough: { zh: '领着办', en: 'Lead you through it' },
  doForYou: { zh: '代为办', en: 'Do it for you' },
};

export const KIND_LABELS: Record<CaseKind, Label> = {
  suggestion: { zh: '提建议', en: 'Suggestion' },
  grievance: { zh: '讲诉求', en: 'Grievance' },
  service: { zh: '找服务', en: 'Service' },
};

export const RATING_LABELS: Record<Rating, Label> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
};

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected' | 'unauthorized';

export const CONNECTION_LABELS: Record<ConnectionState, Label> = {
  connecting: { zh: '连接中', en: 'Connecting' },
  connected: { zh: '已连接', en: 'Connected' },
  reconnecting: { zh: '重新连接中', en: 'Reconnecting' },
  disconnected: { zh: '已断开', en: 'Disconnected' },
  unauthorized: { zh: '未授权', en: 'Not authorised' },
};

function lookup<K extends string>(table: Record<K, Label>, key: string | null | undefined): Label {
  if (key === null || key === undefined || key === '') return { zh: '—', en: '' };
  return (table as Record<string, Label | undefined>)[key] ?? { zh: key, en: key };
}

export const statusLabel = (status: string | null | undefined): Label => lookup(STATUS_LABELS, status);
export const eventLabel = (type: string | null | undefined): Label => lookup(EVENT_LABELS, type);
export const modeLabel = (mode: string | null | undefined): Label => lookup(MODE_LABELS, mode);
export const kindLabel = (kind: string | null | undefined): Label => lookup(KIND_LABELS, kind);
export const ratingLabel = (rating: string | null | undefined): Label => lookup(RATING_LABELS, rating);
export const connectionLabel = (state: ConnectionState): Label => CONNECTION_LABELS[state];

/** "中文 English" on one line, for places that take plain text (titles, aria labels). */
export const plain = (label: Label): string => (label.en && label.en !== label.zh ? `${label.zh} ${label.en}` : label.zh);

/** Who did it, for a timeline line: the display name, else a word for the actor kind. */
export function actorLabel(actor: string | null | undefined, actorName: string | null | undefined): Label {
  if (actorName) return { zh: actorName, en: '' };
  const kind = (actor ?? '').split(':')[0];
  switch (kind) {
    case 'resident': return { zh: '居民', en: 'Resident' };
    case 'system': return { zh: '系统', en: 'System' };
    case 'cadre': return { zh: '社区干部', en: 'Cadre' };
    case 'dispatcher': return { zh: '调度员', en: 'Dispatcher' };
    default: return { zh: '系统', en: 'System' };
  }
}
