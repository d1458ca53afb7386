// Resident: submit a case anonymously.
import { ApiError, describeError, getCommunity, submitCase } from '../lib/api';
import { byId, h, setMessage } from '../lib/dom';
import { newRequestId } from '../lib/ids';
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

/** Field path (as in problem details) → the control that shows it. */
const FIELD_CONTROLS: Record<string, () => HTMLElement | null> = {
  kind: () => form.querySelector<HTMLInputElement>('input[name="kind"]'),
  category: () => categorySelect,
  'location.compound': () => compoundSelect,
  'location.building': () => buildingSelect,
  'location.unit': () => unitInput,
  description: () => description,
  'contact.name': () => contactName,
  'contact.phone': () => contactPhone,
};
/** Server paths that belong to a field under another name. */
const FIELD_ALIASES: Record<string, string> = {
  location: 'location.compound',
  compound: 'location.compound',
  building: 'location.building',
  unit: 'location.unit',
  contact: 'contact.phone',
  phone: 'contact.phone',
  name: 'contact.name',
  categoryId: 'category',
};

let community: Community | null = null;
/** One id per form fill: a double click or a retry after a lost answer is the same case. */
let clientRequestId = newRequestId();
let submitting = false;

void init();

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

  setMessage(message, '正在加载… Loading…');
  try {
    community = await getCommunity(communityId);
  } catch (err) {
    const text = err instanceof ApiError && err.status === 404
      ? `找不到社区 “${communityId}” · Unknown community.`
      : describeError(err);
    setMessage(message, text, 'error');
    return;
  }
  setMessage(message, null);
  communityName.replaceChildren(
    h('span', { id: 'community-id', 'data-community-id': community.id }, community.name),
    ' ', h('small', { class: 'en' }, community.nameEn),
  );
  document.title = `提交诉求 Submit — ${community.name}`;

  for (const category of community.categories) {
    categorySelect.append(h('option', { value: category.id }, `${category.name} ${category.nameEn}`));
  }
  for (const compound of community.compounds) {
    compoundSelect.append(h('option', { value: compound.id }, `${compound.name} ${compound.nameEn}`));
  }
  fillBuildings();
  updateCount();
  form.hidden = false;
}

function fillBuildings(): void {
  const compound = community?.compounds.find((c) => c.id === compoundSelect.value);
  buildingSelect.replaceChildren(h('option', { value: '' }, '不填 None'));
  for (const building of compound?.buildings ?? []) {
    buildingSelect.append(h('option', { value: building }, `${building} 号楼 Bldg ${building}`));
  }
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
  return {
    communityId,
    kind: selectedKind() as CaseKind,
    category: categorySelect.value,
    description: description.value.trim(),
    location: {
      compound: compoundSelect.value,
      ...(building ? { building } : {}),
      ...(unit ? { unit } : {}),
    },
    contact: { name: contactName.value.trim(), phone: contactPhone.value.trim() },
    clientRequestId,
  };
}

/** Only the obvious (empty required fields); the server owns the real rules. */
function validateLocally(body: SubmitCaseRequest): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (!body.kind) errors['kind'] = ['请选择类型 · Choose a kind.'];
  if (!body.category) errors['category'] = ['请选择事项分类 · Choose a category.'];
  if (!body.location.compound) errors['location.compound'] = ['请选择小区 · Choose your compound.'];
  if (!body.description) errors['description'] = ['请写下具体情况 · Describe the matter.'];
  else if (body.description.length > DESCRIPTION_MAX) errors['description'] = [`最多 ${DESCRIPTION_MAX} 字 · At most ${DESCRIPTION_MAX} characters.`];
  if (!body.contact.name) errors['contact.name'] = ['请填写联系人 · Enter your name.'];
  if (!body.contact.phone) errors['contact.phone'] = ['请填写手机号 · Enter your phone number.'];
  return errors;
}

async function submit(): Promise<void> {
  if (submitting) return;
  clearErrors();
  setMessage(message, null);
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
      setMessage(message, `找不到社区 “${communityId}” · Unknown community.`, 'error');
    } else {
      // Unknown outcome (network) or server error: keep the same clientRequestId so a retry
      // cannot create a second case.
      setMessage(message, describeError(err), 'error');
      message.scrollIntoView({ block: 'nearest' });
    }
  } finally {
    submitting = false;
    submitButton.disabled = false;
    form.removeAttribute('aria-busy');
  }
}

function errorSlot(path: string): HTMLElement {
  return form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(path)}"]`) ?? byId('error-other');
}

function showErrors(errors: Record<string, string[]>): void {
  let first: HTMLElement | null = null;
  const other: string[] = [];
  for (const [rawPath, messages] of Object.entries(errors)) {
    const path = FIELD_CONTROLS[rawPath] ? rawPath : FIELD_ALIASES[rawPath] ?? rawPath;
    const control = FIELD_CONTROLS[path]?.() ?? null;
    if (!control) {
      other.push(...messages);
      continue;
    }
    const slot = errorSlot(path);
    slot.textContent = [slot.textContent, ...messages].filter(Boolean).join(' ');
    if (control instanceof HTMLInputElement && control.type === 'radio') {
      byId('field-kind').setAttribute('aria-invalid', 'true');
    } else {
      control.setAttribute('aria-invalid', 'true');
    }
    first ??= control;
  }
  if (other.length > 0) byId('error-other').textContent = other.join(' ');
  first?.focus();
  (first ?? byId('error-other')).scrollIntoView({ block: 'center' });
}

function clearErrors(): void {
  form.querySelectorAll<HTMLElement>('[data-error-for]').forEach((slot) => { slot.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
}

function clearErrorFor(target: EventTarget | null): void {
  if (!(target instanceof HTMLElement)) return;
  const entry = Object.entries(FIELD_CONTROLS).find(([, control]) => {
    const el = control();
    return el === target || (target instanceof HTMLInputElement && target.name === 'kind' && el instanceof HTMLInputElement && el.name === 'kind');
  });
  if (!entry) return;
  errorSlot(entry[0]).textContent = '';
  target.removeAttribute('aria-invalid');
  if (entry[0] === 'kind') byId('field-kind').removeAttribute('aria-invalid');
}

function showConfirmation(caseId: string, trackUrl: string): void {
  const absolute = new URL(trackUrl, window.location.origin).href;
  byId('confirmation-case-id').textContent = caseId;
  const link = byId<HTMLAnchorElement>('track-link');
  link.href = trackUrl;
  link.textContent = absolute;
  byId<HTMLAnchorElement>('track-button').href = trackUrl;
  confirmation.dataset['caseId'] = caseId;
  form.hidden = true;
  confirmation.hidden = false;
  confirmation.scrollIntoView({ block: 'start' });
}

async function copyLink(): Promise<void> {
  const link = byId<HTMLAnchorElement>('track-link');
  const text = link.textContent ?? '';
  try {
    await navigator.clipboard.writeText(text);
    setMessage(message, '链接已复制 · Link copied.', 'ok');
  } catch {
    const range = document.createRange();
    range.selectNodeContents(link);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    setMessage(message, '请长按链接复制 · Press and hold the link to copy it.', 'info');
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
  setMessage(message, null);
  confirmation.hidden = true;
  form.hidden = false;
  window.scrollTo({ top: 0 });
}
