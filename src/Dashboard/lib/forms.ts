// Small action forms on a case (a reason, a note, a pick), shared by the cadre page and the
// board: `form[data-form][data-case-id]`, one `.field` per request field with its
// `[data-error-for=<field>]` slot, and a submit button `[data-action=<form>]`. Drafts and the
// open state of folded forms survive re-renders. Texts come in already translated (`t()`); the
// pages build their forms again after a language switch, and the helper's own words
// (optional, choose, required) carry `data-i18n` so `translateDocument` also turns them in place.
import { ApiError } from './api';
import { h } from './dom';
import { t } from './i18n';

export interface FieldSpec {
  /** The request field this input fills (`note`, `reason`, `when` …). */
  name: string;
  /** The label, in the current language (from `t()`). */
  label: string;
  type?: 'textarea' | 'text' | 'url' | 'datetime-local' | 'select';
  required?: boolean;
  placeholder?: string;
  maxlength?: number;
  rows?: number;
  options?: readonly { value: string; label: string }[];
  hint?: string;
  min?: string;
  /** A starting value when there is no draft. */
  value?: string;
  /** The control's id when it must be a known one; otherwise `{form}-{name}-{caseId}`. */
  id?: string;
}

export interface ActionFormSpec {
  /** `data-form`, and the submit button's `data-action`. */
  form: string;
  caseId: string;
  fields: readonly FieldSpec[];
  submit: string;
  /** Extra classes on the form (e.g. `resolve-form`). */
  className?: string;
  secondary?: boolean;
  /** A line above the fields. */
  intro?: string;
}

/** A DOM id from parts (case ids may hold characters an id selector dislikes). */
export function fieldId(...parts: string[]): string {
  return parts.join('-').replace(/[^\w-]/g, '_');
}

/** Half-typed values by `caseId|form|field`. */
export class Drafts {
  private readonly values = new Map<string, string>();

  static key(caseId: string, form: string, field: string): string {
    return `${caseId}|${form}|${field}`;
  }

  get(key: string): string | undefined {
    return this.values.get(key);
  }

  /** Keep what is typed in any `[data-draft]` control under `root`. */
  listen(root: HTMLElement): void {
    const capture = (event: Event): void => {
      const target = event.target;
      if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)) return;
      const key = target.dataset['draft'];
      if (key) this.values.set(key, target.value);
    };
    root.addEventListener('input', capture);
    root.addEventListener('change', capture);
  }

  /** Forget a form's drafts (after it went through). */
  clearForm(caseId: string, form: string): void {
    const prefix = `${caseId}|${form}|`;
    for (const key of [...this.values.keys()]) if (key.startsWith(prefix)) this.values.delete(key);
  }
}

/** Build an action form. */
export function actionForm(spec: ActionFormSpec, drafts: Drafts): HTMLFormElement {
  const form = h('form', {
    class: ['action-form', spec.className].filter(Boolean).join(' '),
    'data-form': spec.form, 'data-case-id': spec.caseId, novalidate: true,
  });
  if (spec.intro) form.append(h('p', { class: 'hint' }, spec.intro));
  for (const field of spec.fields) {
    const id = field.id ?? fieldId(spec.form, field.name, spec.caseId);
    const draftKey = Drafts.key(spec.caseId, spec.form, field.name);
    const common = {
      id, name: field.name, required: field.required ?? false, 'data-draft': draftKey,
      'aria-describedby': `${id}-error`, placeholder: field.placeholder,
    };
    let control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    switch (field.type ?? 'textarea') {
      case 'textarea':
        control = h('textarea', { ...common, rows: field.rows ?? 3, maxlength: field.maxlength ?? 2000 });
        break;
      case 'select':
        control = h('select', common,
          h('option', { value: '', 'data-i18n': 'common.choose' }, t('common.choose')),
          ...(field.options ?? []).map((o) => h('option', { value: o.value }, o.label)));
        break;
      default:
        control = h('input', {
          ...common, type: field.type ?? 'text', maxlength: field.type === 'datetime-local' ? undefined : field.maxlength ?? 200,
          min: field.min, autocomplete: 'off',
        });
    }
    const value = drafts.get(draftKey) ?? field.value;
    if (value !== undefined) control.value = value;
    form.append(h('div', { class: 'field' },
      h('label', { for: id },
        field.label,
        field.required ? null : ' ',
        field.required ? null : h('span', { class: 'optional', 'data-i18n': 'common.optional' }, t('common.optional'))),
      control,
      field.hint ? h('p', { class: 'hint' }, field.hint) : null,
      h('p', { class: 'field-error', id: `${id}-error`, 'data-error-for': field.name }),
    ));
  }
  form.append(h('button', {
    type: 'submit', class: spec.secondary ? 'block secondary' : 'block',
    'data-action': spec.form, 'data-case-id': spec.caseId,
  }, spec.submit));
  return form;
}

/**
 * A folded section (`details.fold[data-details=<name>]`) whose open state is kept in `open`
 * under `caseId:name`; pages keep that set up to date with `trackFolds`.
 */
export function fold(name: string, caseId: string, summary: string, open: ReadonlySet<string>, ...content: (Node | null)[]): HTMLDetailsElement {
  const isOpen = open.has(`${caseId}:${name}`);
  // A details element created open fires a `toggle` of its own; `trackFolds` must not take
  // that echo (which can arrive after an action closed the fold) for the user's choice.
  return h('details', { class: 'fold', 'data-details': name, open: isOpen, 'data-created-open': isOpen },
    h('summary', {}, summary),
    ...content);
}

/** Keep `open` in step with the folds under `root`. */
export function trackFolds(root: HTMLElement, open: Set<string>): void {
  root.addEventListener('toggle', (event) => {
    const details = event.target;
    if (!(details instanceof HTMLDetailsElement)) return;
    const name = details.dataset['details'];
    const caseId = details.closest<HTMLElement>('[data-case-id]')?.dataset['caseId'];
    if (!name || !caseId) return;
    if (details.hasAttribute('data-created-open')) {
      details.removeAttribute('data-created-open');
      if (details.open) return;
    }
    if (details.open) open.add(`${caseId}:${name}`);
    else open.delete(`${caseId}:${name}`);
  }, true);
}

/** The trimmed values of a form's named controls. */
export function readForm(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const el of Array.from(form.elements)) {
    if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) && el.name) {
      values[el.name] = el.value.trim();
    }
  }
  return values;
}

function control(form: HTMLFormElement, name: string): HTMLElement | null {
  return form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
}

export function clearErrors(form: HTMLFormElement): void {
  form.querySelectorAll<HTMLElement>('[data-error-for]').forEach((el) => {
    el.textContent = '';
    el.removeAttribute('data-i18n');
  });
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
}

/** Show messages by field; returns false when some message had no field to go to. */
export function showFieldErrors(form: HTMLFormElement, errors: Record<string, string | string[]>): boolean {
  let allPlaced = true;
  let first: HTMLElement | null = null;
  for (const [name, messages] of Object.entries(errors)) {
    const slot = form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(name)}"]`);
    if (!slot) {
      allPlaced = false;
      continue;
    }
    slot.textContent = Array.isArray(messages) ? messages.join(' ') : messages;
    const input = control(form, name);
    input?.setAttribute('aria-invalid', 'true');
    first ??= input;
  }
  first?.focus();
  return allPlaced;
}

/** Client-side check of `[required]` controls; marks the empty ones. */
export function checkRequired(form: HTMLFormElement): boolean {
  const missing: Record<string, string> = {};
  for (const el of Array.from(form.elements)) {
    if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)
      && el.required && !el.value.trim()) {
      missing[el.name] = t('forms.required');
    }
  }
  if (Object.keys(missing).length === 0) return true;
  showFieldErrors(form, missing);
  // Still in the right language if it is switched while the message shows.
  for (const name of Object.keys(missing)) {
    form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(name)}"]`)?.setAttribute('data-i18n', 'forms.required');
  }
  return false;
}

export interface SubmitOptions<T> {
  form: HTMLFormElement;
  /** Turn the values into the request; throw an ApiError-like failure to report. */
  call: (values: Record<string, string>) => Promise<T>;
  /** Extra client checks: messages by field, or null. */
  validate?: (values: Record<string, string>) => Record<string, string> | null;
  onSuccess: (result: T) => void | Promise<void>;
  /** Anything that is not a field error (409, network, 401 …). */
  onError: (err: unknown) => void;
}

/** Check, send, and report a form's action; its submit button is disabled while it runs. */
export async function submitActionForm<T>(options: SubmitOptions<T>): Promise<void> {
  const { form } = options;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (button?.disabled) return;
  clearErrors(form);
  if (!checkRequired(form)) return;
  const values = readForm(form);
  const invalid = options.validate?.(values);
  if (invalid && Object.keys(invalid).length > 0) {
    showFieldErrors(form, invalid);
    return;
  }
  if (button) button.disabled = true;
  try {
    const result = await options.call(values);
    await options.onSuccess(result);
  } catch (err) {
    if (err instanceof ApiError && err.status === 400 && Object.keys(err.fieldErrors).length > 0
      && showFieldErrors(form, err.fieldErrors)) {
      return;
    }
    options.onError(err);
  } finally {
    if (button) button.disabled = false;
  }
}
