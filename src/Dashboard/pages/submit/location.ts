// The submit page's "use my location": asks the browser for the position (its permission prompt is the consent),
// pre-selects the compound and building found there, and says what came of it. See lib/locate.ts.
import { describeError } from '../../lib/api';
import { h, setMessage } from '../../lib/dom';
import { locale, t } from '../../lib/i18n';
import { locate, pointToSend, type GeoPoint, type LocateOutcome } from '../../lib/locate';
import type { Community } from '../../lib/types';

export interface LocationField {
  /** The point to send with the submission, or null. */
  point(): GeoPoint | null;
  /** Says the outcome again in the current language. */
  render(): void;
  /** Forgets the position (a new form fill). */
  reset(): void;
}

/** Mounts the button and its status line before the compound field; `choose` selects a compound and building. */
export function locationField(
  communityId: string,
  community: () => Community | null,
  compoundSelect: HTMLSelectElement,
  choose: (compound: string, building: string | null) => void,
): LocationField {
  const button = h('button', { type: 'button', id: 'use-location', class: 'secondary' }, t('places.useLocation'));
  const purpose = h('p', { class: 'hint', id: 'location-purpose' }, t('places.purpose'));
  const status = h('p', { class: 'message', id: 'location-status', role: 'status', hidden: true });
  const field = h('div', { class: 'field', id: 'field-location' }, button, purpose, status);
  compoundSelect.closest('.field')?.before(field);

  let outcome: LocateOutcome | null = null;
  let busy = false;

  const nameOf = (compoundId: string): string => {
    const compound = community()?.compounds.find((c) => c.id === compoundId);
    return compound ? (locale() === 'en' ? compound.nameEn || compound.name : compound.name) : compoundId;
  };

  function render(): void {
    button.textContent = t('places.useLocation');
    purpose.textContent = t('places.purpose');
    status.dataset['outcome'] = busy ? 'locating' : outcome?.kind ?? '';
    if (busy) return setMessage(status, t('places.locating'), 'info');
    if (!outcome) return setMessage(status, null);
    switch (outcome.kind) {
      case 'found':
        if (compoundSelect.value !== outcome.compound) return setMessage(status, t('places.changed'), 'info');
        return setMessage(status, outcome.building
          ? t('places.found.building', { compound: nameOf(outcome.compound), building: outcome.building })
          : t('places.found', { compound: nameOf(outcome.compound) }), 'ok');
      case 'outside': {
        const c = community();
        return setMessage(status, t('places.outside', { community: c ? (locale() === 'en' ? c.nameEn || c.name : c.name) : communityId }), 'error');
      }
      case 'failed':
        return setMessage(status, t('places.failed', { error: describeError(outcome.error) }), 'error');
      default:
        return setMessage(status, t(`places.${outcome.kind}`), 'error');
    }
  }

  button.addEventListener('click', () => void (async () => {
    if (busy) return;
    busy = true;
    button.disabled = true;
    outcome = null;
    render();
    try {
      outcome = await locate(communityId, navigator.geolocation);
    } finally {
      busy = false;
      button.disabled = false;
    }
    if (outcome.kind === 'found') choose(outcome.compound, outcome.building);
    render();
  })());
  compoundSelect.addEventListener('change', render);

  return {
    point: () => pointToSend(outcome, compoundSelect.value),
    render,
    reset: () => {
      outcome = null;
      render();
    },
  };
}
