// What the official sees beside the call: the case in short (what the resident raised, where,
// the petition's note) and the form to record the meeting's outcome
// (`POST /api/v1/video-petitions/{id}/outcome`).
import { describeError, getCase, request } from '../../lib/api';
import { byId, h } from '../../lib/dom';
import { onLocaleChange, t } from '../../lib/i18n';
import { kindText, statusText } from '../../lib/labels';
import { CommunityNames } from '../../lib/names';
import type { CaseView } from '../../lib/types';

interface PetitionView { petitionId: string; note: string; status: string; outcome: string | null }

const names = new CommunityNames();
let shown: { view: CaseView; petition: PetitionView } | null = null;

export async function showSummary(token: string, caseId: string, petitionId: string): Promise<void> {
  const section = byId('case-summary');
  try {
    const [view, petition] = await Promise.all([
      getCase(token, caseId),
      request<PetitionView>(`/api/v1/video-petitions/${encodeURIComponent(petitionId)}`, { token }),
    ]);
    shown = { view, petition };
    render();
    onLocaleChange(render);
    section.hidden = false;
    if (petition.status === 'held') saved(petition.outcome);
    if (view.communityId) void names.load(view.communityId).then(render);
  } catch (err) {
    byId('case-facts').replaceChildren(h('p', { class: 'message', 'data-kind': 'error' }, describeError(err)));
    section.hidden = false;
  }
}

function render(): void {
  const done = byId('outcome-saved');
  if (!done.hidden) done.textContent = t('video.outcome.saved', { outcome: done.dataset['outcome'] ?? '' });
  if (!shown) return;
  const { view, petition } = shown;
  const row = (key: string, value: string | null | undefined): Node[] =>
    [h('dt', {}, t(key)), h('dd', {}, value || t('common.none'))];
  const place = [view.location?.compound ? names.compound(view.location.compound) : null, view.location?.building].filter(Boolean).join(' · ');
  byId('case-facts').replaceChildren(
    ...row('video.fact.case', view.caseId),
    ...row('video.fact.status', statusText(view.status)),
    ...row('video.fact.kind', kindText(view.kind)),
    ...row('video.fact.category', view.category ? names.category(view.category) : null),
    ...row('video.fact.place', place),
    ...row('video.fact.description', view.description),
    ...row('video.fact.note', petition.note),
  );
}

export function listenOutcome(token: () => string, petitionId: string): void {
  const form = byId<HTMLFormElement>('outcome-form');
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void record(token(), petitionId);
  });
}

async function record(token: string, petitionId: string): Promise<void> {
  const field = byId<HTMLTextAreaElement>('outcome');
  const error = byId('error-outcome');
  const button = byId<HTMLButtonElement>('outcome-submit');
  error.textContent = '';
  field.removeAttribute('aria-invalid');
  const outcome = field.value.trim();
  if (!outcome) {
    error.textContent = t('video.outcome.required');
    field.setAttribute('aria-invalid', 'true');
    return;
  }
  button.disabled = true;
  try {
    const petition = await request<PetitionView>(`/api/v1/video-petitions/${encodeURIComponent(petitionId)}/outcome`,
      { method: 'POST', token, body: { outcome } });
    saved(petition.outcome);
  } catch (err) {
    error.textContent = describeError(err);
  } finally {
    button.disabled = false;
  }
}

function saved(outcome: string | null): void {
  byId<HTMLFormElement>('outcome-form').hidden = true;
  const done = byId('outcome-saved');
  done.hidden = false;
  done.dataset['outcome'] = outcome ?? '';
  done.textContent = t('video.outcome.saved', { outcome: outcome ?? '' });
}
