// Run an async refresh at most once at a time; calls made while it runs collapse into one
// more run afterwards. Keeps "re-fetch on every push" cheap and ordered.

export function coalesce(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await fn();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  return run;
}

/** One coalesced runner per key (e.g. per case id); the latest `fn` given for a key is used. */
export class KeyedCoalescer {
  private readonly runners = new Map<string, () => Promise<void>>();
  private readonly latest = new Map<string, () => Promise<void>>();

  run(key: string, fn: () => Promise<void>): Promise<void> {
    this.latest.set(key, fn);
    let runner = this.runners.get(key);
    if (!runner) {
      runner = coalesce(() => (this.latest.get(key) ?? fn)());
      this.runners.set(key, runner);
    }
    return runner();
  }
}

/** Run `fn` once, `delayMs` after the first of many calls (a redraw for a burst of changes). */
export function batched(fn: () => void, delayMs = 0): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    window.setTimeout(() => {
      queued = false;
      fn();
    }, delayMs);
  };
}
