// Local date-time helpers. Pure: nothing here reads the clock.

const pad = (n: number): string => String(n).padStart(2, '0');

/** The UTC offset of `date` in the browser's zone, as `+08:00`. */
export function isoOffset(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * A `<input type="datetime-local">` value (`2026-12-01T09:00`, local time) as ISO 8601 with the
 * local offset of that moment (`2026-12-01T09:00:00+08:00`). Null when it does not parse.
 */
export function localInputToIso(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (Number.isNaN(date.getTime())) return null;
  return `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${isoOffset(date)}`;
}

/** A Date as a `datetime-local` value in local time (`2026-12-01T09:00`). */
export function toLocalInputValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** `12-01 09:00` in local time; the raw text when it does not parse. */
export function formatShortDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return `${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export interface Accompaniment {
  /** The meeting time, when the note's time parses. */
  when: Date | null;
  /** `12-01 09:00` (local), or the note's own text for the time. */
  whenText: string;
  where: string;
  office: string;
}

/**
 * The gateway records an arranged accompaniment as one note, `yyyy-MM-dd HH:mm zzz · where ·
 * office` (e.g. `2026-12-01 09:00 +08:00 · 社区服务大厅 · 业委会备案`). Null when the note is not
 * in that form.
 */
export function parseAccompaniment(note: string | null | undefined): Accompaniment | null {
  if (!note) return null;
  const parts = note.split(' · ');
  if (parts.length < 3) return null;
  const [whenRaw = '', where = '', ...rest] = parts;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2})[:.](\d{2})\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(whenRaw.trim());
  let when: Date | null = null;
  if (m) {
    const [, y, mo, d, h, mi, zone] = m;
    const offset = !zone ? '' : zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    const parsed = new Date(`${y}-${mo}-${d}T${h}:${mi}:00${offset}`);
    when = Number.isNaN(parsed.getTime()) ? null : parsed;
  }
  return {
    when,
    whenText: when ? formatShortDateTime(when) : whenRaw.trim(),
    where: where.trim(),
    office: rest.join(' · ').trim(),
  };
}
