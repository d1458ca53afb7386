import { describe, expect, it } from 'vitest';
import { utcDay } from '../pages/admin/audit';
import { scopeIds } from '../pages/admin/context';
import { formatShifts, parseShifts } from '../pages/admin/shifts';
import type { AdminWorld } from '../lib/types';

describe('shifts as the admin types them', () => {
  it('reads days as lists and ranges, with local times', () => {
    expect(parseShifts('1-5 08:30-17:30; 6,7 09:00-12:00')).toEqual([
      { days: [1, 2, 3, 4, 5], start: '08:30', end: '17:30' },
      { days: [6, 7], start: '09:00', end: '12:00' },
    ]);
    expect(parseShifts('1, 3-4 22:00 - 06:00')).toEqual([{ days: [1, 3, 4], start: '22:00', end: '06:00' }]);
    expect(parseShifts('')).toEqual([]);
  });

  it('refuses what does not read as a shift', () => {
    expect(parseShifts('weekdays 9-5')).toBeNull();
    expect(parseShifts('8 08:00-12:00')).toBeNull();
    expect(parseShifts('5-1 08:00-12:00')).toBeNull();
    expect(parseShifts('1-5 8:00-12:00')).toBeNull();
  });

  it('writes shifts back the way it reads them', () => {
    const shifts = [{ days: [1, 2, 3, 4, 5], start: '08:30', end: '17:30' }, { days: [1, 3, 6, 7], start: '09:00', end: '12:00' }];
    expect(formatShifts(shifts)).toBe('1-5 08:30-17:30; 1,3,6,7 09:00-12:00');
    expect(parseShifts(formatShifts(shifts))).toEqual(shifts);
  });
});

describe('the admin page’s helpers', () => {
  it('offers every community, sub-district, county and department as a scope', () => {
    const world = {
      communities: [{ id: 'ximen', subdistrictId: 'wenshang-subdistrict', countyId: 'wenshang' }],
      counties: [{ countyId: 'wenshang', categories: [{ departmentId: 'heating' }, { departmentId: null }], slaClasses: [] }],
    } as unknown as AdminWorld;
    expect(scopeIds(world)).toEqual(['heating', 'wenshang', 'wenshang-subdistrict', 'ximen']);
  });

  it('counts audit days in UTC', () => {
    expect(utcDay(new Date('2026-12-03T23:30:00-05:00'))).toBe('2026-12-04');
  });
});

describe('the new account form', () => {
  it('keeps what the admin typed when the panel is drawn again (the world arriving after the list, a language switch)', async () => {
    const { AccountsPanel } = await import('../pages/admin/accounts');
    document.body.innerHTML = `<datalist id="scope-ids"></datalist><datalist id="account-ids"></datalist>
      <div id="account-create"></div><table><tbody id="accounts-body"></tbody></table><p id="accounts-message" hidden></p>`;
    const world = { communities: [], counties: [] } as unknown as AdminWorld;
    const panel = new AccountsPanel({ session: {} as never, world, reloadWorld: async () => {}, changed: () => {} });
    panel.render();
    const username = document.querySelector<HTMLInputElement>('#account-create input[name="username"]')!;
    username.value = 'new-dispatcher';

    panel.render();

    expect(document.querySelector<HTMLInputElement>('#account-create input[name="username"]')!.value).toBe('new-dispatcher');
    expect(document.querySelectorAll('#account-create form')).toHaveLength(1);
  });
});
