// Cases and events for the page tests: a plain open case in ximen, changed by `over`.
import type { CaseEvent, CaseUpdated, CaseView } from '../lib/types';

export const ev = (seq: number, type: CaseEvent['type'], over: Partial<CaseEvent> = {}): CaseEvent =>
  ({ seq, type, status: 'accepted', at: '2026-11-27T01:00:00Z', actor: 'system', actorName: null, note: null, ...over });

export function kase(over: Partial<CaseView> = {}): CaseView {
  return {
    caseId: 'c-1', communityId: 'ximen', kind: 'grievance', category: 'heating', description: 'radiator cold',
    location: { compound: 'jishikou', building: '64', unit: null }, contact: { name: 'Wang Fang', phone: '13800000000' },
    status: 'accepted', mode: 'doItNow', assigneeId: null, assignee: null, submittedAt: '2026-11-27T01:00:00Z', rating: null,
    level: 'community', levelOwnerId: 'ximen',
    deadlines: { offerExpiresAt: null, acknowledgeBy: null, resolveBy: null, rateBy: null },
    resolvedAtLevel: null, reopenCount: 0, closure: null, mergedInto: null, followers: [], possibleDuplicates: [],
    timeline: [ev(1, 'submitted'), ev(2, 'accepted')],
    ...over,
  };
}

/** The `caseUpdated` push for event `event` on case `caseId`. */
export function push(caseId: string, event: CaseEvent, over: Partial<CaseUpdated> = {}): CaseUpdated {
  return {
    caseId, communityId: 'ximen', seq: event.seq, status: event.status, mode: null, assignee: null,
    levelOwnerId: 'ximen', event, at: event.at, ...over,
  };
}
