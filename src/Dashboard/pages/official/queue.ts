// The level's queue: every open case at this level as the board's cards, the most urgent deadline
// first, with the actions an official of the level has (take, resolve, hand back, escalate). The
// cards, their countdowns and their forms are the board's (pages/board/cards.ts). While the map
// shows, the list is empty (the chosen case's card sits beside the map).
import { byId, focusedId, reconcileChildren, restoreFocus } from '../../lib/dom';
import type { Drafts } from '../../lib/forms';
import type { CaseView } from '../../lib/types';
import { Cards } from '../board/cards';
import { byUrgency } from '../board/columns';
import type { Official } from './context';

/** The statuses of a case still to be settled at the level. */
const OPEN = new Set(['submitted', 'accepted', 'assigned', 'acknowledged']);

export class Queue {
  readonly cards: Cards;
  private readonly list = byId('official-queue');

  constructor(private readonly official: Official, root: HTMLElement, drafts: Drafts, private readonly mapShown: () => boolean) {
    this.cards = new Cards(official, root, drafts);
  }

  /** The open cases at the level, the most urgent first. */
  open(): CaseView[] {
    return [...this.official.store.cases.values()].filter((c) => OPEN.has(c.status)).sort(byUrgency);
  }

  render(): void {
    const { store } = this.official;
    const open = this.open();
    this.cards.prune(new Set(store.cases.keys()));
    const focus = focusedId(this.list);
    if (this.mapShown()) this.list.replaceChildren();
    else reconcileChildren(this.list, open.map((c) => this.cards.card(c)));
    restoreFocus(focus);
    this.cards.flash(store.flashIds);
    byId('queue-count').textContent = String(open.length);
    byId('queue-empty').hidden = open.length > 0;
  }
}
