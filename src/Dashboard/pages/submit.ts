// Resident: submit a case anonymously (phone first), then keep the tracking link and its QR code.
import { ApiError, describeError, getCommunity, submitCase } from '../lib/api';
import { byId, h, setMessage } from '../lib/dom';
import { locale, t } from '../lib/i18n';
import { newRequestId } from '../lib/ids';
import { initPage } from '../lib/page';
import { clearPhotoField, listenPhotoFields, photoField, photosBusy, photoUrls } from '../lib/photo-picker';
import { MAX_PHOTOS } from '../lib/photo-resize';
import { photoReference, uploadSubmissionPhoto } from '../lib/photo-upload';
import { qrSvg } from '../lib/qr';
import { clearErrorFor, clearErrors, showErrors } from './submit/field-errors';
import { locationField } from './submit/location';
import type { CaseKind, Community, SubmitCaseRequest } from '../lib/types';

const DEFAULT_COMMUNITY = 'ximen';
const DESCRIPTION_MAX = 4000;

const params = new URLSearchParams(window.location.search);
const communityId = params.get('community')?.trim() || DEFAULT_COMMUNITY;

const form = byId<HTMLFormElement>('case-form');
const message = byId<HTMLParagraphElement>('form-message');
const communityName = byId<HTMLParagraphElement>('community-name');
const categorySelect = byId<HTMLSelectElement>('category');
const compoundSelect = byId<HTMLSelectElement>('compound');
const buildingSelect = byId<HTMLSelectElement>('building');
const unitInput = byId<HTMLInputElement>('unit');
const description = byId<HTMLTextAreaElement>('description');
const descriptionCount = byId<HTMLSpanElement>('description-count');
const contactName = byId<HTMLInputElement>('contact-name');
const contactPhone = byId<HTMLInputElement>('contact-phone');
const submitButton = byId<HTMLButtonElement>('submit-button');
const confirmation = byId<HTMLElement>('confirmation');
const photoSlot = byId<HTMLDivElement>('photo-slot');

let community: Community | null = null;
const place = locationField(communityId, () => community, compoundSelect, (compound, building) => {
  compoundSelect.value = compound;
  fillBuildings();
  buildingSelect.value = building ?? '';
  clearErrorFor(compoundSelect);
});
/** One id per form fill: a double click or a retry after a lost answer is the same case. */
let clientRequestId = newRequestId();
let submitting = false;
/** The last status line, as a key and its parameters, so a language switch can say it again. */
let lastMessage: { key: string; params?: Record<string, string | number>; kind: 'info' | 'error' | 'ok' } | null = null;

initPage(render);
void init();

function say(key: string | null, kind: 'info' | 'error' | 'ok' = 'info', params?: Record<string, string | number>): void {
  lastMessage = key ? { key, kind, ...(params ? { params } : {}) } : null;
  setMessage(message, key ? t(key, params) : null, kind);
}

/** The words that depend on the language and on the community: after loading and after a switch. */
function render(): void {
  if (lastMessage) setMessage(message, t(lastMessage.key, lastMessage.params), lastMessage.kind);
  if (!community) return;
  const en = locale() === 'en';
  const name = en ? community.nameEn || community.name : community.name;
  communityName.replaceChildren(h('span', { id: 'community-id', 'data-community-id': community.id }, name));
  document.title = t('submit.title.community', { community: name });
  fillOptions(categorySelect, community.categories.map((c) => ({ value: c.id, text: en ? c.nameEn || c.name : c.name })));
  fillOptions(compoundSelect, community.compounds.map((c) => ({ value: c.id, text: en ? c.nameEn || c.name : c.name })));
  fillBuildings();
  const qr = document.querySelector<SVGSVGElement>('#tracking-qr svg');
  if (qr) qr.setAttribute('aria-label', t('submit.qr'));
  const qrTitle = qr?.querySelector('title');
  if (qrTitle) qrTitle.textContent = t('submit.qr');
  drawPhotoField();
  place.render();
}

/** The photo field in the current language, keeping the photos already sent. */
function drawPhotoField(): void {
  photoSlot.replaceChildren(photoField({
    id: 'photos-input', name: 'photos', label: t('photos.submit.legend'), hint: t('photos.submit.hint', { max: MAX_PHOTOS }),
    value: photoUrls(photoSlot).join('\n'),
  }));
}

/** Replace a select's options after the placeholder, keeping the choice. */
function fillOptions(select: HTMLSelectElement, options: { value: string; text: string }[]): void {
  const chosen = select.value;
  const placeholder = select.options[0] ?? h('option', { value: '' }, t('common.choose'));
  select.replaceChildren(placeholder, ...options.map((o) => h('option', { value: o.value }, o.text)));
  select.value = chosen;
}

async function init(): Promise<void> {
  description.addEventListener('input', updateCount);
  compoundSelect.addEventListener('change', fillBuildings);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  form.addEventListener('input', (event) => clearErrorFor(event.target));
  form.addEventListener('change', (event) => clearErrorFor(event.target));
  byId('submit-another').addEventListener('click', resetForAnother);
  byId('copy-link').addEventListener('click', () => void copyLink());
  // Each photo goes up as soon as it is chosen, tied to this form fill's clientRequestId; the submission then names it.
  listenPhotoFields(form, (photo) => uploadSubmissionPhoto(photo, clientRequestId));

  say('common.loading');
  try {
    community = await getCommunity(communityId);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) say('submit.unknownCommunity', 'error', { id: communityId });
    else setMessage(message, describeError(err), 'error');
    return;
  }
  say(null);
  render();
  updateCount();
  form.hidden = false;
}

function fillBuildings(): void {
  const compound = community?.compounds.find((c) => c.id === compoundSelect.value);
  const chosen = buildingSelect.value;
  buildingSelect.replaceChildren(h('option', { value: '' }, t('submit.building.none')));
  for (const building of compound?.buildings ?? []) {
    buildingSelect.append(h('option', { value: building }, t('submit.building.option', { building })));
  }
  if (compound?.buildings.includes(chosen)) buildingSelect.value = chosen;
  buildingSelect.disabled = !compound || compound.buildings.length === 0;
}

function updateCount(): void {
  descriptionCount.textContent = String(description.value.length);
}

function selectedKind(): CaseKind | '' {
  const checked = form.querySelector<HTMLInputElement>('input[name="kind"]:checked');
  return (checked?.value as CaseKind | undefined) ?? '';
}

function readForm(): SubmitCaseRequest {
  const building = buildingSelect.value.trim();
  const unit = unitInput.value.trim();
  const point = place.point();
  const photos = photoUrls(photoSlot).map(photoReference);
  return {
    communityId,
    kind: selectedKind() as CaseKind,
    category: categorySelect.value,
    description: description.value.trim(),
    location: {
      compound: compoundSelect.value,
      building: building || null,
      unit: unit || null,
      ...(point ? { point } : {}),
    },
    contact: { name: contactName.value.trim(), phone: contactPhone.value.trim() },
    clientRequestId,
    ...(photos.length > 0 ? { photos } : {}),
  };
}

/** Only the obvious (empty required fields); the server owns the real rules. */
function validateLocally(body: SubmitCaseRequest): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (!body.kind) errors['kind'] = [t('submit.error.kind')];
  if (!body.category) errors['category'] = [t('submit.error.category')];
  if (!body.location.compound) errors['location.compound'] = [t('submit.error.compound')];
  if (!body.description) errors['description'] = [t('submit.error.description')];
  else if (body.description.length > DESCRIPTION_MAX) errors['description'] = [t('submit.error.descriptionLong', { max: DESCRIPTION_MAX })];
  if (!body.contact.name) errors['contact.name'] = [t('submit.error.name')];
  if (!body.contact.phone) errors['contact.phone'] = [t('submit.error.phone')];
  return errors;
}

async function submit(): Promise<void> {
  if (submitting || photosBusy(form)) return;
  clearErrors();
  say(null);
  const body = readForm();
  const local = validateLocally(body);
  if (Object.keys(local).length > 0) {
    showErrors(local);
    return;
  }

  submitting = true;
  submitButton.disabled = true;
  form.setAttribute('aria-busy', 'true');
  try {
    const result = await submitCase(body);
    showConfirmation(result.caseId, result.trackUrl || `/track/${encodeURIComponent(result.trackingToken)}`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 400 && Object.keys(err.fieldErrors).length > 0) {
      showErrors(err.fieldErrors);
    } else if (err instanceof ApiError && err.status === 404) {
      say('submit.unknownCommunity', 'error', { id: communityId });
    } else {
      // Unknown outcome (network) or server error: keep the same clientRequestId so a retry
      // cannot create a second case.
      lastMessage = null;
      setMessage(message, describeError(err), 'error');
      message.scrollIntoView({ block: 'nearest' });
    }
  } finally {
    submitting = false;
    submitButton.disabled = false;
    form.removeAttribute('aria-busy');
  }
}

function showConfirmation(caseId: string, trackUrl: string): void {
  const absolute = new URL(trackUrl, window.location.origin).href;
  byId('confirmation-case-id').textContent = caseId;
  const link = byId<HTMLAnchorElement>('track-link');
  link.href = trackUrl;
  link.textContent = absolute;
  byId<HTMLAnchorElement>('track-button').href = trackUrl;
  byId('tracking-qr').replaceChildren(qrSvg(absolute, t('submit.qr'), 'tracking-qr-code'));
  confirmation.dataset['caseId'] = caseId;
  form.hidden = true;
  confirmation.hidden = false;
  confirmation.scrollIntoView({ block: 'start' });
  // Screen readers: move to the heading so "Received" and the link are read next.
  byId('confirmation-heading').focus({ preventScroll: true });
}

async function copyLink(): Promise<void> {
  const link = byId<HTMLAnchorElement>('track-link');
  const text = link.textContent ?? '';
  try {
    await navigator.clipboard.writeText(text);
    say('submit.copied', 'ok');
  } catch {
    const range = document.createRange();
    range.selectNodeContents(link);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    say('submit.copyManually', 'info');
  }
}

function resetForAnother(): void {
  // Keep who and where: a resident often reports more than one thing.
  const keep = { compound: compoundSelect.value, name: contactName.value, phone: contactPhone.value };
  form.reset();
  compoundSelect.value = keep.compound;
  contactName.value = keep.name;
  contactPhone.value = keep.phone;
  clearErrors();
  fillBuildings();
  updateCount();
  clientRequestId = newRequestId();
  place.reset();
  const photos = photoSlot.querySelector<HTMLElement>('[data-photo-field]');
  if (photos) clearPhotoField(photos);
  byId('tracking-qr').replaceChildren();
  say(null);
  confirmation.hidden = true;
  form.hidden = false;
  window.scrollTo({ top: 0 });
}
