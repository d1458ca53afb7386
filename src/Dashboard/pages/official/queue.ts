// The level's queue: every open case at this level as the board's cards, the most urgent deadline
// first, with the actions an official of the level has (take, resolve, hand back, escalate). The
// cards, their countdowns and their forms are the board's (pages/board/cards.ts).
import { byId, focusedId, reconcileChildren, restoreFocus } from '../../lib/dom';
import type { Drafts } from '../../lib/forms';
import { Cards } from '../board/cards';
import { byUrgency } from '../board/columns';
import type { Official } from './context';

/** The statuses of a case still to be settled at the level. */
const OPEN = new Set(['submitted', 'accepted', 'assigned', 'acknowledged']);

export class Queue {
  readonly cards: Cards;
  private readonly list = byId('official-queue');

  constructor(private readonly official: Official, root: HTMLElement, drafts: Drafts) {
    this.cards = new Cards(official, root, drafts);
  }

  render(): void {
    const { store } = this.official;
    const open = [...store.cases.values()].filter((c) => OPEN.has(c.status)).sort(byUrgency);
    this.cards.prune(new Set(store.cases.keys()));
    const focus = focusedId(this.list);
    reconcileChildren(this.list, open.map((c) => this.cards.card(c)));
    restoreFocus(focus);
    this.cards.flash(store.flashIds);
    byId('queue-count').textContent = String(open.length);
    byId('queue-empty').hidden = open.length > 0;
  }
}
