// The mode's steps as the resident sees them, and the resident's own steps when they apply:
// consent to 代为办, confirm being led through (领着办), confirm receiving the result (代为办).
import { ApiError, confirmTrackStep, describeError, type TrackStep } from '../../lib/api';
import { residentActions, type ResidentAction } from '../../lib/actions';
import { byId, formatTime, h } from '../../lib/dom';
import { describeEvent } from '../../lib/events';
import { t } from '../../lib/i18n';
import { stepText } from '../../lib/labels';
import { modeProgress } from '../../lib/steps';
import { lastSeq } from '../../lib/timeline';
import type { CaseEvent, EventType, TrackView } from '../../lib/types';
import type { TrackPage } from './page';

/** Resource keys (under `track.`) of the resident's own steps: intro, button, thanks. */
const STEP_KEYS: Record<TrackStep, { id: string; key: string }> = {
  consent: { id: 'consent-button', key: 'consent' },
  'led-through': { id: 'led-through-button', key: 'ledThrough' },
  receipt: { id: 'receipt-button', key: 'receipt' },
};

/** The latest event of a type in the current round, for the words above a button. */
export function latest(timeline: readonly CaseEvent[], type: EventType): CaseEvent | null {
  return timeline.reduce<CaseEvent | null>((a, e) => (e.type === type && (!a || e.seq > a.seq) ? e : a), null);
}

export class ResidentSteps {
  private readonly section = byId('steps-section');

  constructor(private readonly page: TrackPage, private readonly owner: (id: string) => string) {}

  listen(): void {
    byId('resident-actions').addEventListener('click', (event) => {
      const button = (event.target as HTMLElement | null)?.closest<HTMLButtonElement>('button[data-action]');
      const step = button?.dataset['action'];
      if (button && (step === 'consent' || step === 'led-through' || step === 'receipt')) void this.confirm(step, button);
    });
  }

  render(v: TrackView): void {
    const actions = residentActions(v).filter((a): a is Exclude<ResidentAction, 'rate'> => a !== 'rate');
    const inProgress = v.status === 'assigned' || v.status === 'acknowledged';
    const stepped = v.mode === 'leadThrough' || v.mode === 'doForYou';
    this.section.hidden = !(v.mode && (actions.length > 0 || (inProgress && stepped)));
    this.section.dataset['mode'] = v.mode ?? '';
    if (this.section.hidden || !v.mode) return;

    const progress = modeProgress(v.mode, v.timeline);
    byId('mode-steps').replaceChildren(...progress.steps
      .filter((s) => !s.optional || s.done)
      .map((s) => {
        const state = s.done ? 'done' : s.next ? 'next' : 'later';
        return h('li', { class: 'step', 'data-step': s.type, 'data-done': String(s.done), 'data-state': state, 'data-taker': s.taker },
          h('span', { class: 'step-mark', 'aria-hidden': 'true' }, s.done ? '✓' : s.next ? '●' : '○'),
          h('span', { class: 'step-body' },
            stepText(s.type),
            s.event ? h('span', { class: 'muted' }, ' · ', formatTime(s.event.at)) : null));
      }));

    byId('resident-actions').replaceChildren(...actions.map((action) => this.residentStep(action, v)));
  }

  private residentStep(action: TrackStep, v: TrackView): HTMLElement {
    const spec = STEP_KEYS[action];
    let detail: HTMLElement | null = null;
    const source = action === 'led-through' ? latest(v.timeline, 'accompanimentArranged')
      : action === 'receipt' ? latest(v.timeline, 'resultHandedOver') : null;
    if (source) {
      const d = describeEvent(source, 'resident', { owner: this.owner });
      detail = h('p', { class: 'resident-step-detail' }, h('strong', {}, d.title),
        d.note ? h('span', {}, ' — ', d.note) : null);
    }
    return h('div', { class: 'resident-step', 'data-step': action },
      detail,
      h('p', {}, t(`track.${spec.key}.intro`)),
      h('button', { type: 'button', id: spec.id, class: 'block big', 'data-action': action, disabled: this.page.busy },
        t(`track.${spec.key}.button`)),
    );
  }

  private async confirm(step: TrackStep, button: HTMLButtonElement): Promise<void> {
    const { page } = this;
    if (!page.token || !page.view || page.busy) return;
    page.busy = true;
    button.disabled = true;
    try {
      const fresh = await confirmTrackStep(page.token, step, { expectedSeq: lastSeq(page.view.timeline) });
      page.take(fresh);
      page.busy = false;
      page.render();
      page.say(() => t(`track.${STEP_KEYS[step].key}.done`), 'ok');
    } catch (err) {
      page.busy = false;
      button.disabled = false;
      page.say(() => describeError(err), 'error');
      if (err instanceof ApiError && err.status === 409) void page.refresh();
    }
  }
}
