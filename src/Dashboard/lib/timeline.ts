// Timeline of a case: pure helpers that turn events into plain words and DOM.
import { bi, formatTime, h } from './dom';
import { actorLabel, eventLabel, type Label } from './labels';
import type { CaseEvent } from './types';

export interface TimelineEntry {
  seq: number;
  type: string;
  at: string;
  time: string;
  title: Label;
  actor: Label;
  note: string | null;
}

/** Events ordered by `seq`, one per `seq` (a later copy of the same seq wins). */
export function mergeEvents(existing: readonly CaseEvent[], incoming: readonly CaseEvent[] = []): CaseEvent[] {
  const bySeq = new Map<number, CaseEvent>();
  for (const event of [...existing, ...incoming]) bySeq.set(event.seq, event);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The highest `seq` in a timeline, 0 when empty. */
export function lastSeq(events: readonly CaseEvent[]): number {
  return events.reduce((max, event) => Math.max(max, event.seq), 0);
}

/** Plain-word entries, oldest first. Pure: no DOM, no clock. */
export function timelineEntries(events: readonly CaseEvent[]): TimelineEntry[] {
  return mergeEvents(events).map((event) => ({
    seq: event.seq,
    type: event.type,
    at: event.at,
    time: formatTime(event.at),
    title: eventLabel(event.type),
    actor: actorLabel(event.actor, event.actorName),
    note: event.note && event.note.trim() ? event.note : null,
  }));
}

/** Render a timeline as an ordered list (`ol.timeline > li[data-seq][data-type]`). */
export function renderTimeline(events: readonly CaseEvent[], id?: string): HTMLOListElement {
  const entries = timelineEntries(events);
  const list = h('ol', { class: 'timeline', id });
  if (entries.length === 0) {
    list.append(h('li', { class: 'timeline-empty' }, bi('暂无记录', 'No events yet')));
    return list;
  }
  for (const entry of entries) {
    list.append(
      h('li', { class: 'timeline-item', 'data-seq': entry.seq, 'data-type': entry.type },
        h('div', { class: 'timeline-head' },
          h('span', { class: 'timeline-seq', 'aria-label': `#${entry.seq}` }, `#${entry.seq}`),
          h('strong', { class: 'timeline-title' }, bi(entry.title.zh, entry.title.en)),
        ),
        h('div', { class: 'timeline-meta' },
          h('time', { datetime: entry.at }, entry.time),
          ' · ',
          h('span', { class: 'timeline-actor' }, entry.actor.en ? bi(entry.actor.zh, entry.actor.en) : entry.actor.zh),
        ),
        entry.note ? h('p', { class: 'timeline-note' }, entry.note) : null,
      ),
    );
  }
  return list;
}
