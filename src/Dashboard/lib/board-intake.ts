// The board's warning about intake messages the silos gave up on (the poison queue): polled every
// 30 s and on every (re)connect, shown while the count is above zero. Text from the locales.
import { ApiError, request } from './api';
import { onLocaleChange, t } from './i18n';

export const POISON_POLL_MS = 30_000;
export const POISON_PATH = '/api/v1/intake/poison';

export interface PoisonEntry {
  messageId: string;
  insertedOn: string | null;
  unparseable: boolean;
  caseIds: string[];
  communityIds: string[];
}

export interface PoisonReport {
  count: number;
  entries: PoisonEntry[];
}

/** The warning to show for a count, or null when there is nothing to warn about. */
export function poisonWarning(count: number | null): string | null {
  return count !== null && count > 0 ? t('board.intake.poison', { count }) : null;
}

/**
 * Keeps `el` showing the poison count. A refusal (401/403: this viewer may not see the queue) hides the
 * warning and stops asking; a network failure keeps what was shown and asks again at the next poll.
 */
export class PoisonWatch {
  private count: number | null = null;
  private refused = false;
  private timer: number | undefined;

  constructor(
    private readonly el: HTMLElement,
    private readonly load: () => Promise<PoisonReport>,
  ) {
    onLocaleChange(() => this.render());
  }

  /** Ask now and then every {@link POISON_POLL_MS}. */
  start(): void {
    void this.refresh();
    this.timer = window.setInterval(() => void this.refresh(), POISON_POLL_MS);
  }

  stop(): void {
    window.clearInterval(this.timer);
    this.timer = undefined;
  }

  async refresh(): Promise<void> {
    if (this.refused) return;
    try {
      this.count = (await this.load()).count;
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
        this.refused = true;
        this.count = null;
        this.stop();
      }
    }
    this.render();
  }

  private render(): void {
    const text = poisonWarning(this.count);
    this.el.hidden = text === null;
    this.el.textContent = text ?? '';
    this.el.dataset['poisonCount'] = String(this.count ?? 0);
  }
}

/** The watch for a signed-in board. */
export function watchPoison(el: HTMLElement, token: () => string): PoisonWatch {
  return new PoisonWatch(el, () => request<PoisonReport>(POISON_PATH, { token: token() }));
}
