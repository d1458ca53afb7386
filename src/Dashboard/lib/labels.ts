// Chinese and English words for the contract's enums. Unknown values fall back to the raw
// value, so a new enum member on the server shows up instead of breaking the page.
import type {
  CaseClosure, CaseKind, CaseLevel, CaseStatus, EventType, HandlingMode, Rating, StepType,
} from './types';

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

/**
 * A short title for each timeline event type (board and lists). The full sentence, with who,
 * when and where, comes from `describeEvent` in `events.ts`.
 */
export const EVENT_LABELS: Record<EventType, Label> = {
  submitted: { zh: '诉求已提交', en: 'Request submitted' },
  accepted: { zh: '平台已受理', en: 'Accepted by the platform' },
  waiting: { zh: '等待干部接手', en: 'Waiting for a cadre on duty' },
  assigned: { zh: '已派给干部', en: 'Assigned to a cadre' },
  acknowledged: { zh: '干部已接单', en: 'The cadre has taken it on' },
  resolved: { zh: '已办结', en: 'Resolved' },
  rated: { zh: '居民已评价', en: 'Rated by the resident' },
  declined: { zh: '干部婉拒', en: 'Declined by the cadre' },
  offerExpired: { zh: '未及时接单，派单收回', en: 'Offer withdrawn: not acknowledged in time' },
  reassigned: { zh: '已改派', en: 'Reassigned' },
  modeChanged: { zh: '办理方式已变更', en: 'Handling mode changed' },
  workStarted: { zh: '已开始办理', en: 'Work started' },
  accompanimentArranged: { zh: '已约定陪同办理', en: 'Accompaniment arranged' },
  ledThroughConfirmed: { zh: '居民确认已陪同办理', en: 'Resident confirmed being led through' },
  consentRecorded: { zh: '居民同意代为办理', en: 'Resident consented' },
  documentsHandedOver: { zh: '材料已交接', en: 'Documents handed over' },
  resultHandedOver: { zh: '办理结果已交付', en: 'Result handed over' },
  receiptConfirmed: { zh: '居民确认已收到', en: 'Resident confirmed receipt' },
  escalated: { zh: '已上报上级', en: 'Escalated' },
  returned: { zh: '已交回下级办理', en: 'Handed back down' },
  acknowledgeOverdue: { zh: '超过接单期限', en: 'Acknowledgement overdue' },
  resolveOverdue: { zh: '超过办结期限', en: 'Resolution overdue' },
  reopened: { zh: '重新办理', en: 'Reopened' },
  closedNoResponse: { zh: '未评价，自动关闭', en: 'Closed without a rating' },
  merged: { zh: '已合并到其他诉求', en: 'Merged into another case' },
  reporterJoined: { zh: '同一事项又有居民反映', en: 'Another reporter joined' },
  videoPetitionRequested: { zh: '已申请视频信访', en: 'Video meeting requested' },
  videoPetitionScheduled: { zh: '视频信访已安排', en: 'Video meeting scheduled' },
  videoPetitionHeld: { zh: '视频信访已举行', en: 'Video meeting held' },
  consultationConvened: { zh: '已召开 7+X 协商议事会', en: '7+X consultation convened' },
  possibleDuplicate: { zh: '可能重复', en: 'Possible duplicate' },
};

/** The steps of the handling modes, as the thing to do. */
export const STEP_LABELS: Record<StepType, Label> = {
  workStarted: { zh: '开始办理', en: 'Start work' },
  accompanimentArranged: { zh: '约定陪同办理', en: 'Arrange accompaniment' },
  ledThroughConfirmed: { zh: '居民确认已陪同办理', en: 'Resident confirms being led through' },
  consentRecorded: { zh: '居民同意代为办理', en: "Resident's consent" },
  documentsHandedOver: { zh: '收取材料', en: 'Hand over documents' },
  resultHandedOver: { zh: '交付办理结果', en: 'Hand over the result' },
  receiptConfirmed: { zh: '居民确认收到结果', en: 'Resident confirms receipt' },
};

/** 社区 / 街道 / 县部门 / 县领导. */
export const LEVEL_LABELS: Record<CaseLevel, Label> = {
  community: { zh: '社区', en: 'Community' },
  subdistrict: { zh: '街道', en: 'Sub-district' },
  department: { zh: '县部门', en: 'County department' },
  leader: { zh: '县领导', en: 'County leader' },
};

export const CLOSURE_LABELS: Record<CaseClosure, Label> = {
  rated: { zh: '已评价，已关闭', en: 'Rated and closed' },
  noResponse: { zh: '未在期限内评价，已自动关闭', en: 'Closed: not rated in time' },
  merged: { zh: '已与同一事项合并', en: 'Merged with a case about the same matter' },
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
export const eventLabel = (type: string | null | undefined): Label => lookup(EVENT_LABELS, camelEnum(type));
export const modeLabel = (mode: string | null | undefined): Label => lookup(MODE_LABELS, camelEnum(mode));
export const kindLabel = (kind: string | null | undefined): Label => lookup(KIND_LABELS, kind);
export const ratingLabel = (rating: string | null | undefined): Label => lookup(RATING_LABELS, rating);
export const levelLabel = (level: string | null | undefined): Label => lookup(LEVEL_LABELS, camelEnum(level));
export const closureLabel = (closure: string | null | undefined): Label => lookup(CLOSURE_LABELS, camelEnum(closure));
export const stepLabel = (step: string | null | undefined): Label => lookup(STEP_LABELS, camelEnum(step));

/**
 * The contract's camelCase for an enum name the server wrote in C# form (`DoForYou` →
 * `doForYou`): some event notes and problem details carry the PascalCase name.
 */
export function camelEnum(value: string | null | undefined): string {
  if (!value) return '';
  return value.charAt(0).toLowerCase() + value.slice(1);
}

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
    case 'department': return { zh: '县部门', en: 'County department' };
    case 'leader': return { zh: '县领导', en: 'County leader' };
    case 'admin': return { zh: '管理员', en: 'Administrator' };
    default: return { zh: '系统', en: 'System' };
  }
}
