import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../lib/i18n';
import { renderTimeline, timelineEntries } from '../lib/timeline';
import type { CaseEvent } from '../lib/types';

const ev = (seq: number, type: CaseEvent['type'], extra: Partial<CaseEvent> = {}): CaseEvent => ({
  seq, type, status: 'accepted', at: `2026-11-27T0${Math.min(seq, 9)}:00:00Z`, actor: 'system', actorName: null, note: null, ...extra,
});

// Delivered out of order, with a late duplicate of seq 2.
const events: CaseEvent[] = [
  ev(3, 'acknowledged', { actor: 'cadre:c-li', actorName: '李建国', note: '15:00' }),
  ev(1, 'submitted', { actor: 'resident' }),
  ev(2, 'assigned', { note: '李建国' }),
  ev(2, 'assigned', { note: '李建国' }),
  ev(4, 'resolved', { actor: 'cadre:c-li', note: '路灯已修好', reference: 'https://example.org/p.jpg' }),
];

afterEach(() => setLocale('zh'));

const titles = (list: HTMLElement): string[] =>
  Array.from(list.querySelectorAll('li .timeline-title')).map((el) => el.textContent ?? '');

describe('timeline for the resident', () => {
  it('lists events once each, oldest first by seq', () => {
    const list = renderTimeline(events, 'timeline-list', { audience: 'resident' });
    expect(Array.from(list.querySelectorAll('li')).map((li) => li.getAttribute('data-seq'))).toEqual(['1', '2', '3', '4']);
    expect(Array.from(list.querySelectorAll('li')).map((li) => li.getAttribute('data-type')))
      .toEqual(['submitted', 'assigned', 'acknowledged', 'resolved']);
  });

  it('speaks plain Chinese, with who and when', () => {
    const list = renderTimeline(events, 'timeline-list', { audience: 'resident' });
    expect(titles(list)).toEqual([
      '您提交了诉求',
      '已派给 李建国',
      '李建国 接单了，将于 15:00 上门',
      // The resolution carries only the cadre id; the name comes from the earlier event.
      '李建国 已办结',
    ]);
    expect(list.querySelector('li[data-seq="4"] .timeline-note')?.textContent).toBe('路灯已修好');
    expect(list.querySelector('li[data-seq="4"] a')?.textContent).toBe('查看照片');
  });

  it('speaks plain English after a switch', () => {
    setLocale('en');
    const list = renderTimeline(events, 'timeline-list', { audience: 'resident' });
    expect(titles(list)).toEqual([
      'You submitted the request',
      'Assigned to 李建国',
      '李建国 accepted your request and will come at 15:00',
      '李建国 resolved it',
    ]);
    expect(list.querySelector('li[data-seq="4"] a')?.textContent).toBe('See the photo');
  });

  it('says "accepted" without a time when the cadre gave none', () => {
    const [entry] = timelineEntries([ev(1, 'acknowledged', { actor: 'cadre:c-li', actorName: '李建国' })], { audience: 'resident' });
    expect(entry?.title).toBe('李建国 接单了');
  });

  it('shows a reopening after an unsatisfied rating and the video meeting with its join link', () => {
    const list = renderTimeline([
      ev(1, 'rated', { actor: 'resident' }),
      ev(2, 'reopened', { note: 'reopen #1' }),
      ev(3, 'videoPetitionScheduled', { note: 'Mr Wang', reference: '/video/p-1' }),
      ev(4, 'videoPetitionHeld', { note: 'agreed to repave' }),
    ], undefined, { audience: 'resident' });
    expect(titles(list)).toEqual(['您已评价', '您不满意，诉求已重新办理（第 1 次）', '视频信访已安排', '视频信访已举行']);
    expect(list.querySelector('li[data-seq="3"] a')?.getAttribute('href')).toBe('/video/p-1');
    expect(list.querySelector('li[data-seq="4"] .timeline-note')?.textContent).toBe('agreed to repave');
  });

  it('never turns an unsafe reference into a link', () => {
    const list = renderTimeline([ev(1, 'resolved', { reference: 'javascript:alert(1)' })]);
    expect(list.querySelector('a')).toBeNull();
  });

  it('says so when there is nothing yet, in the chosen language', () => {
    expect(renderTimeline([]).textContent).toBe('暂无记录');
    setLocale('en');
    expect(renderTimeline([]).textContent).toBe('No events yet');
  });
});
