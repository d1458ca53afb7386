// What the tracking page's parts share: the tracking token, the case as last shown, and how to
// draw it, say something on the status line, or read it again.
import type { CommunityNames } from '../../lib/names';
import type { TrackView } from '../../lib/types';

export type MessageKind = 'info' | 'error' | 'ok';

export interface TrackPage {
  readonly token: string | null;
  readonly names: CommunityNames;
  /** The case as last shown. */
  readonly view: TrackView | null;
  /** Set while the resident's step or rating is being sent. */
  busy: boolean;
  /** Show a view the server answered (an action's result). */
  take(fresh: TrackView): void;
  render(): void;
  /** The status line, as a function of the language so a switch says it again; null clears it. */
  say(words: (() => string) | null, kind?: MessageKind): void;
  refresh(): Promise<void>;
}

/** The token is the last path segment of `/track/{token}` (or `?token=` on the dev server). */
export function trackingToken(pathname: string, search: string): string | null {
  const match = /\/track\/([^/?#]+)\/?$/.exec(pathname);
  const raw = match?.[1] ?? new URLSearchParams(search).get('token');
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
