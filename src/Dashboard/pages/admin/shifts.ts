// Weekly shifts as one line of text an admin can read and type: ISO days (Monday = 1) as a list or a
// range, then local times — "1-5 08:00-17:00; 6,7 09:00-12:00". Pure, tested in tests/admin.test.ts.
import type { AdminShift } from '../../lib/types';

/** "1,2,3,4,5" → "1-5"; "1,3,6,7" → "1,3,6-7". */
function daysText(days: readonly number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const from = sorted[i] as number;
    let to = from;
    while (sorted[i + 1] === to + 1) to = sorted[++i] as number;
    parts.push(to - from >= 2 ? `${from}-${to}` : to > from ? `${from},${to}` : `${from}`);
  }
  return parts.join(',');
}

export function formatShifts(shifts: readonly AdminShift[]): string {
  return shifts.map((s) => `${daysText(s.days)} ${s.start}-${s.end}`).join('; ');
}

const SHIFT = /^([1-7](?:\s*-\s*[1-7])?(?:\s*,\s*[1-7](?:\s*-\s*[1-7])?)*)\s+(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/;

/** The shifts a line of text says, or null when a part of it does not read as a shift. */
export function parseShifts(text: string): AdminShift[] | null {
  const shifts: AdminShift[] = [];
  for (const part of text.split(/[;\uFF1B\n]/).map((p) => p.trim()).filter(Boolean)) {
    const match = SHIFT.exec(part);
    if (!match) return null;
    const days = new Set<number>();
    for (const piece of (match[1] ?? '').split(',')) {
      const [a, b] = piece.split('-').map((d) => Number(d.trim()));
      if (a === undefined) return null;
      const end = b ?? a;
      if (end < a) return null;
      for (let d = a; d <= end; d++) days.add(d);
    }
    shifts.push({ days: [...days].sort((x, y) => x - y), start: match[2] ?? '', end: match[3] ?? '' });
  }
  return shifts;
}
