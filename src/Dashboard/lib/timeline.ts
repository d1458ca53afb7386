// Timeline of a case: pure helpers that turn events into plain words in the chosen language, and
// the list that shows them.
import { h } from './dom';
import { describeEvent, type Audience, type EventContext } from './events';
import { formatDateTime, t } from './i18n';
import { actorText } from './labels';
import { eventPhotos, photoThumbs } from './photos';
import type { CaseEvent } from './types';

export interface TimelineEntry {
  seq: number;
  type: string;
  at: string;
  time: string;
  /** The plain sentence ("李建国 约您：12/1 09:00 · 社区服务大厅 · 业委会备案"). */
  title: string;
  actor: string;
  note: string | null;
  link: { href: string; label: string } | null;
  /** The photos the event brought (same-site paths), shown as thumbnails. */
  photos: string[];
}

export interface TimelineOptions extends EventContext {
  audience?: Audience;
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

/**
 * Events with a display name for every cadre: some events (a cadre's resolution) carry only
 * `cadre:{id}`, so the name another event of the same actor carries is used. For residents,
 * officials' and dispatchers' subjects (account ids) give way to their role's words.
 */
export function withActorNames(events: readonly CaseEvent[], audience: Audience = 'staff'): CaseEvent[] {
  const names = new Map<string, string>();
  for (const e of events) if (e.actorName && e.actor) names.set(e.actor, e.actorName);
  return events.map((e) => {
    const kind = (e.actor ?? '').split(':')[0];
    if (audience === 'resident' && kind !== 'cadre' && kind !== 'resident' && kind !== 'system') {
      return e.actorName ? { ...e, actorName: null } : e;
    }
    return !e.actorName && names.has(e.actor) ? { ...e, actorName: names.get(e.actor) ?? null } : e;
  });
}

/** A timeline time: "11/27 14:05" / "11/27, 14:05", in the chosen language's form. */
export function timelineTime(iso: string): string {
  return formatDateTime(iso, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }) || iso;
}

/** Plain-word entries, oldest first, in the current language. */
export function timelineEntries(events: readonly CaseEvent[], options: TimelineOptions = {}): TimelineEntry[] {
  return withActorNames(mergeEvents(events), options.audience ?? 'staff').map((event) => {
    const d = describeEvent(event, options.audience ?? 'staff', options);
    return {
      seq: event.seq,
      type: event.type,
      at: event.at,
      time: timelineTime(event.at),
      title: d.title,
      actor: actorText(event.actor, event.actorName),
      note: d.note,
      link: d.link,
      photos: eventPhotos(event),
    };
  });
}

/** Render a timeline as an ordered list (`ol.timeline > li[data-seq][data-type]`), in the current language. */
export function renderTimeline(events: readonly CaseEvent[], id?: string, options: TimelineOptions = {}): HTMLOListElement {
  const entries = timelineEntries(events, options);
  const list = h('ol', { class: 'timeline', id });
  if (entries.length === 0) {
    list.append(h('li', { class: 'timeline-empty' }, t('events.empty')));
    return list;
  }
  for (const entry of entries) {
    list.append(
      h('li', { class: 'timeline-item', 'data-seq': entry.seq, 'data-type': entry.type },
        h('div', { class: 'timeline-head' },
          h('span', { class: 'timeline-seq', 'aria-label': t('events.seq', { seq: entry.seq }) }, `#${entry.seq}`),
          h('strong', { class: 'timeline-title' }, entry.title),
        ),
        h('div', { class: 'timeline-meta' },
          h('time', { datetime: entry.at }, entry.time),
          ' · ',
          h('span', { class: 'timeline-actor' }, entry.actor),
        ),
        entry.note ? h('p', { class: 'timeline-note' }, entry.note) : null,
        entry.link
          ? h('p', { class: 'timeline-link' },
            h('a', { href: entry.link.href, target: '_blank', rel: 'noopener noreferrer' }, entry.link.label))
          : null,
        photoThumbs(entry.photos, entry.type),
      ),
    );
  }
  return list;
}
