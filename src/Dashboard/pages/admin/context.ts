// What the admin page's panels share: the session, the world as last read, and the hooks that say a
// change went through (the world is read again, the audit log shows the change).
import { t } from '../../lib/i18n';
import type { StaffSession } from '../../lib/session';
import type { AdminWorld } from '../../lib/types';
import type { Option } from './form';

export interface AdminContext {
  session: StaffSession;
  world: AdminWorld | null;
  /** Read the world again and redraw the panels that show it. */
  reloadWorld: () => Promise<void>;
  /** A change went through: the day's audit log is read again. */
  changed: () => void;
}

/** A text of the admin page (`locales/{zh,en}/admin.json`). */
export const tx = (key: string, params?: Record<string, string | number>): string => t(`admin.${key}`, params);

const ROLES = ['cadre', 'dispatcher', 'department', 'leader', 'admin'] as const;

export const roleOptions = (): Option[] => ROLES.map((role) => ({ value: role, label: tx(`role.${role}`) }));

/** Every id a scope may be: communities, sub-districts, counties and the departments categories go to. */
export function scopeIds(world: AdminWorld | null): string[] {
  if (!world) return [];
  const ids = new Set<string>();
  for (const c of world.communities) [c.id, c.subdistrictId, c.countyId].forEach((id) => ids.add(id));
  for (const county of world.counties) {
    ids.add(county.countyId);
    for (const category of county.categories) if (category.departmentId) ids.add(category.departmentId);
  }
  return [...ids].filter(Boolean).sort();
}

/** A form's action that ends the session on a 401 (the form shows any other refusal). */
export function guard<T>(ctx: AdminContext, action: (values: T) => Promise<void>): (values: T) => Promise<void> {
  return async (values) => {
    try {
      await action(values);
    } catch (err) {
      if (!ctx.session.handleAuthError(err)) throw err;
    }
  };
}
