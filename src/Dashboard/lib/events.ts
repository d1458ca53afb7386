// Every timeline event as a plain sentence in the chosen language, for the resident ("you") or
// for staff ("the resident"). Pure apart from the current language: no DOM, no clock.
import { parseAccompaniment } from './datetime';
import { formatDateTime, t } from './i18n';
import { actorText, camelEnum, eventText, levelText, modeText } from './labels';
import { isPhotoPath } from './photos';
import type { CaseEvent } from './types';

export type Audience = 'resident' | 'staff';

export interface EventContext {
  /**
   * Words for a level owner id (sub-district, department, county) in the current language;
   * defaults to the id. A `{ zh, en }` answer (as `CommunityNames.owner` gives) is taken in the current language.
   */
  owner?: (id: string) => string;
}

export interface EventDescription {
  /** The sentence. */
  title: string;
  /** Free text worth showing under it (a reason, a note for the resident, a comment), or null. */
  note: string | null;
  /** A link the event carries (a photo, a video meeting), when it is safe to open. */
  link: { href: string; label: string } | null;
}

/** Only http(s) links or same-site paths are ever turned into `href`s. */
export function safeHref(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\/(?!\/)/.test(v)) return v;
  try {
    const url = new URL(v);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

const text = (value: string | null | undefined): string | null => (value && value.trim() ? value.trim() : null);

/** The round number in a `reopen #2` note. */
function reopenRound(note: string | null | undefined): number | null {
  const m = /#\s*(\d+)/.exec(note ?? '');
  return m ? Number(m[1]) : null;
}

const TIME_ONLY = /^(\d{1,2}):(\d{2})$/;

/**
 * A time the note gives ("15:00", or an ISO time with offset), in the chosen language's form;
 * null when the note is not a time.
 */
export function noteTime(note: string | null | undefined): string | null {
  const v = text(note);
  if (!v) return null;
  if (TIME_ONLY.test(v)) return v.padStart(5, '0');
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(v)) return null;
  const date = new Date(v.replace(' ', 'T'));
  if (Number.isNaN(date.getTime())) return null;
  const sameDay = new Date().toDateString() === date.toDateString();
  return formatDateTime(date, sameDay
    ? { hour: '2-digit', minute: '2-digit', hour12: false }
    : { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
}

/** "{time} · {official}" with the time in the chosen language's form. */
function scheduledNote(note: string | null): string | null {
  if (!note) return null;
  const [first = '', ...rest] = note.split(' · ');
  const when = noteTime(first);
  return when ? [when, ...rest].join(' · ') : note;
}

/** The sentence for one event. Unknown types fall back to their short title and note. */
export function describeEvent(event: CaseEvent, audience: Audience = 'staff', context: EventContext = {}): EventDescription {
  const who = audience === 'resident' ? 'you' : 'staff';
  const actor = actorText(event.actor, event.actorName);
  const note = text(event.note);
  const ref = text(event.reference);
  const owner = (id: string | null): string => {
    if (!id) return t('events.escalated.above');
    return context.owner?.(id) || id;
  };
  const say = (title: string, n: string | null = note): EventDescription => ({ title, note: n, link: null });

  switch (event.type) {
    case 'submitted':
      return say(t(`events.${who}.submitted`));
    case 'accepted':
      return say(t('events.accepted'));
    case 'waiting':
      return say(t('events.waiting'));
    case 'assigned':
      return say(t('events.assigned', { name: note ?? t('events.assigned.someone') }), null);
    case 'reassigned':
      return say(t('events.reassigned', { name: note ?? t('events.reassigned.someone') }), null);
    case 'acknowledged': {
      if (audience === 'staff') return say(t('events.staff.acknowledged', { actor }));
      const time = noteTime(note);
      return time ? say(t('events.acknowledged.at', { actor, time }), null) : say(t('events.acknowledged', { actor }));
    }
    case 'declined':
      return audience === 'resident' ? say(t('events.you.passedOn'), null) : say(t('events.staff.declined', { actor }));
    case 'offerExpired':
      return audience === 'resident'
        ? say(t('events.you.passedOn'), null)
        : say(t('events.staff.offerExpired', { name: note ?? t('events.offerExpired.someone') }), null);
    case 'modeChanged':
      return say(t('events.modeChanged', { mode: modeText(note) }), null);
    case 'workStarted':
      return say(t('events.workStarted', { actor }));
    case 'accompanimentArranged': {
      const a = parseAccompaniment(note);
      const when = a ? (a.when ? formatDateTime(a.when, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }) : a.whenText) : '';
      const detail = a ? [when, a.where, a.office].filter(Boolean).join(' · ') : note ?? '';
      return say(t(`events.${who}.accompaniment`, { actor, detail }), null);
    }
    case 'ledThroughConfirmed':
      return say(t(`events.${who}.ledThrough`));
    case 'consentRecorded':
      return say(event.actor === 'resident' ? t(`events.${who}.consentOnline`) : t(`events.${who}.consentInPerson`, { actor }));
    case 'documentsHandedOver':
      return say(t(`events.${who}.documents`, { actor }));
    case 'resultHandedOver':
      return say(t(`events.${who}.result`, { actor }));
    case 'receiptConfirmed':
      return say(t(`events.${who}.receipt`));
    case 'resolved': {
      // A photo of ours shows as a thumbnail (lib/photos.ts); only a link typed before issue 14 stays a link.
      const href = isPhotoPath(ref) ? null : safeHref(ref);
      return { title: t('events.resolved', { actor }), note, link: href ? { href, label: t('events.resolved.photo') } : null };
    }
    case 'rated':
      return say(t(`events.${who}.rated`));
    case 'escalated':
      return say(t('events.escalated', { to: owner(ref) }));
    case 'returned':
      return audience === 'resident'
        ? say(t('events.you.returned', { to: owner(ref) }), null)
        : say(t('events.staff.returned', { to: owner(ref) }));
    case 'acknowledgeOverdue':
      return say(t('events.acknowledgeOverdue'), null);
    case 'resolveOverdue':
      return say(note ? t('events.resolveOverdue.level', { level: levelText(camelEnum(note)) }) : t('events.resolveOverdue'), null);
    case 'reopened': {
      const round = reopenRound(note);
      return say(round ? t(`events.${who}.reopened.round`, { round }) : t(`events.${who}.reopened`), null);
    }
    case 'closedNoResponse':
      return say(t('events.closedNoResponse'), null);
    case 'merged':
      return say(t(`events.${who}.merged`, { ref: ref ?? '' }), null);
    case 'reporterJoined':
      return say(t(`events.${who}.reporterJoined`, { ref: ref ?? '' }), null);
    case 'videoPetitionRequested':
      return say(t('events.videoPetitionRequested'));
    case 'videoPetitionScheduled': {
      const href = safeHref(ref);
      return {
        title: t('events.videoPetitionScheduled'),
        note: scheduledNote(note),
        link: href ? { href, label: t('events.videoPetitionScheduled.join') } : null,
      };
    }
    case 'videoPetitionHeld':
      return say(t('events.videoPetitionHeld'));
    case 'videoPetitionCancelled':
      return say(t('events.videoPetitionCancelled'));
    case 'videoCallJoined':
      return say(t('events.videoCallJoined', { actor }), null);
    case 'videoCallLeft':
      return say(t('events.videoCallLeft', { actor }), null);
    case 'taken':
      return say(t('events.taken', { who: actor, at: owner(ref) }), null);
    case 'consultationConvened':
      return say(t('events.consultationConvened'));
    case 'possibleDuplicate':
      return audience === 'resident'
        ? say(t('events.you.possibleDuplicate'), null)
        : say(t('events.staff.possibleDuplicate', { ref: ref ?? '' }));
    default:
      return say(eventText(event.type));
  }
}
