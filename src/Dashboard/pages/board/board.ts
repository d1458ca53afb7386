// What every panel of the board shares: where it is, its state, names, the session and the
// case actions, and one way to ask for a redraw.
import type { CaseActions } from '../../lib/case-actions';
import type { StaffSession } from '../../lib/session';
import { t } from '../../lib/i18n';
import type { BoardNames, BoardPlace } from './place';
import type { BoardStore } from './store';

export interface Board {
  readonly place: BoardPlace;
  readonly store: BoardStore;
  readonly names: BoardNames;
  readonly session: StaffSession;
  readonly actions: CaseActions;
  /** Draw the board again soon (once for many changes). */
  scheduleRender(): void;
}

/** A text from locales/{zh,en}/board.json. */
export const tx = (key: string, params?: Record<string, string | number>): string => t(`board.${key}`, params);
