// What the panels of the officials' page share: the board's parts for the queue (its cards, store
// and live sync are the board's own), the level the official owns, and the texts of official.json.
import { t } from '../../lib/i18n';
import type { MyLevel } from '../../lib/official-api';
import type { Board } from '../board/board';

export interface Official extends Board {
  readonly level: MyLevel;
}

/** A text from locales/{zh,en}/official.json. */
export const ox = (key: string, params?: Record<string, string | number>): string => t(`official.${key}`, params);
