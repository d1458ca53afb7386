// Which board this is: a community's (its dispatchers) or a level's (`?scope=` — sub-district,
// department or county officials), and who looks at it. Pure apart from `BoardNames`' fetches.
import type { Viewer } from '../../lib/actions';
import { CommunityNames } from '../../lib/names';
import type { CaseStatus } from '../../lib/types';

export type Column = 'accepted' | 'assigned' | 'acknowledged' | 'resolved';
export const COLUMNS: readonly Column[] = ['accepted', 'assigned', 'acknowledged', 'resolved'];

/** Which column a status belongs to; null means "not on the board" (closed). */
export function columnFor(status: CaseStatus): Column | null {
  switch (status) {
    case 'submitted':
    case 'accepted': return 'accepted';
    case 'assigned': return 'assigned';
    case 'acknowledged': return 'acknowledged';
    case 'resolved': return 'resolved';
    default: return null;
  }
}

export interface BoardPlace {
  kind: 'community' | 'scope';
  /** The level owner a scope board shows ('' on a community board). */
  scopeId: string;
  /** The community a community board shows ('' on a scope board). */
  communityId: string;
  viewer: Viewer;
}

/**
 * The board the address and the token ask for. Officials of a department or the county have no
 * community: without `?community=` their board is their own level's queue.
 */
export function boardPlace(search: string, claims: { role: string; scope: string } | null): BoardPlace {
  const params = new URLSearchParams(search);
  const viewer: Viewer = { role: claims?.role ?? '', scope: claims?.scope ?? '' };
  const scopeId = params.get('scope')?.trim()
    || ((viewer.role === 'department' || viewer.role === 'leader') && !params.get('community') ? viewer.scope : '');
  if (scopeId) return { kind: 'scope', scopeId, communityId: '', viewer };
  return { kind: 'community', scopeId: '', communityId: params.get('community')?.trim() || viewer.scope, viewer };
}

/** A scope board holds only the cases at its level; a community board only its community's. */
export function belongsHere(place: BoardPlace, c: { communityId: string; levelOwnerId?: string | null }): boolean {
  return place.kind === 'scope' ? c.levelOwnerId === place.scopeId : !c.communityId || c.communityId === place.communityId;
}

/** Category and compound names, per community (a scope board spans several); `loaded` runs as each arrives. */
export class BoardNames {
  private readonly byCommunity = new Map<string, CommunityNames>();

  constructor(private readonly loaded: () => void) {}

  of(communityId: string): CommunityNames {
    let names = this.byCommunity.get(communityId);
    if (!names) {
      const created = new CommunityNames();
      names = created;
      this.byCommunity.set(communityId, created);
      void created.load(communityId).then(() => {
        if (created.loaded) this.loaded();
      });
    }
    return names;
  }
}
