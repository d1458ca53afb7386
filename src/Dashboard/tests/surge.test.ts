import { describe, expect, it } from 'vitest';
import { mergeAlerts, type SurgeAlert } from '../pages/board/surge';

const alert = (alertId: string, at: string): SurgeAlert => ({
  alertId, communityId: 'ximen', subdistrictId: 'wenshang-subdistrict', compound: 'east', building: null, category: 'heating',
  count: 7, windowMinutes: 60, expected: 0.42, at, caseIds: ['a', 'b'],
});

describe('surge warnings on the board', () => {
  it('keeps one entry per alert id, newest first, when the list and the push both bring it', () => {
    const listed = [alert('ximen-surge-1', '2026-12-04T08:00:00Z')];
    const merged = mergeAlerts(listed, [alert('ximen-surge-2', '2026-12-04T09:00:00Z'), alert('ximen-surge-1', '2026-12-04T08:00:00Z')]);

    expect(merged.map((a) => a.alertId)).toEqual(['ximen-surge-2', 'ximen-surge-1']);
  });

  it('shows at most twenty', () => {
    const many = Array.from({ length: 30 }, (_, i) => alert(`x-${String(i).padStart(2, '0')}`, `2026-12-04T08:${String(i).padStart(2, '0')}:00Z`));

    const merged = mergeAlerts([], many);

    expect(merged).toHaveLength(20);
    expect(merged[0]!.alertId).toBe('x-29');
  });
});
