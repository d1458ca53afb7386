// Where a staff member goes after signing in: back to the page they came from when their role
// belongs there, else their role's own page. Pure (no DOM), tested in tests/signin.test.ts.

/**
 * A role's own page: a cadre's queue, a community dispatcher's board, an admin's page, an official's level (a
 * department's liaison, a leader, or a dispatcher whose scope is a sub-district or the county: `level` above the community).
 */
export function homeOf(role: string, level?: string | null): string {
  switch (role) {
    case 'cadre': return '/cadre';
    case 'dispatcher': return level && level !== 'community' ? '/official' : '/board';
    case 'admin': return '/admin';
    default: return '/official';
  }
}

/** The pages each role may work on (the gateway still checks every call). */
function pagesOf(role: string): readonly string[] {
  switch (role) {
    case 'cadre': return ['/cadre'];
    case 'admin': return ['/admin', '/board', '/official'];
    default: return ['/board', '/official'];
  }
}

/** /meetings and a meeting's page are every staff member's: anyone may be invited to a 7+X meeting. */
function isMeetingsPage(path: string): boolean {
  return path === '/meetings' || /^\/meetings\/[^/]+$/.test(path);
}

/**
 * A return address from `?return=` or the current page, kept only when it is a path on this site
 * (never `//elsewhere` or `https://elsewhere`); else null.
 */
export function samePath(from: string | null | undefined): string | null {
  if (!from || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/\\')) return null;
  try {
    const base = 'http://gongzhi.invalid';
    const url = new URL(from, base);
    return url.origin === base ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}

/** Where to go after signing in from `from` (a path with its query, or null). */
export function destinationAfterSignIn(who: { role: string; scope: string; level?: string | null }, from: string | null | undefined): string {
  const back = samePath(from);
  if (back) {
    const path = back.split('?', 1)[0]?.replace(/\/$/, '') ?? '';
    if (pagesOf(who.role).includes(path) || isMeetingsPage(path)) return back;
    // A video petition's call page, for the official who accepted it (the hub checks that it is them).
    if (who.role !== 'cadre' && /^\/video\/[0-9A-Za-z]+$/.test(path)) return back;
  }
  return homeOf(who.role, who.level);
}
