// The submit form's field errors: each problem-details path is shown beside its control (which gets
// aria-invalid), and what belongs to no control under the form (#error-other).
import { byId } from '../../lib/dom';

const form = (): HTMLFormElement => byId<HTMLFormElement>('case-form');
const control = (id: string) => (): HTMLElement | null => document.getElementById(id);

/** Field path (as in problem details) → the control that shows it. */
const FIELD_CONTROLS: Record<string, () => HTMLElement | null> = {
  kind: () => form().querySelector<HTMLInputElement>('input[name="kind"]'),
  category: control('category'),
  'location.compound': control('compound'),
  'location.building': control('building'),
  'location.unit': control('unit'),
  description: control('description'),
  'contact.name': control('contact-name'),
  'contact.phone': control('contact-phone'),
  photos: control('photos-input'),
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

function errorSlot(path: string): HTMLElement {
  return form().querySelector<HTMLElement>(`[data-error-for="${CSS.escape(path)}"]`) ?? byId('error-other');
}

export function showErrors(errors: Record<string, string[]>): void {
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

export function clearErrors(): void {
  form().querySelectorAll<HTMLElement>('[data-error-for]').forEach((slot) => { slot.textContent = ''; });
  form().querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
}

export function clearErrorFor(target: EventTarget | null): void {
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
