// One way to build the admin page's forms: fields from a list, labels from the resources, the
// server's refusal or field errors shown on the form, and the values read back by name.
import { ApiError, describeError } from '../../lib/api';
import { h, setMessage } from '../../lib/dom';
import { t } from '../../lib/i18n';
import { clearErrors } from '../../lib/forms';

export interface Option { value: string; label: string }

interface Common { name: string; label: string; hint?: string }
export type FieldSpec = Common & (
  | { kind: 'text' | 'password'; value?: string; required?: boolean; list?: string; readonly?: boolean; maxlength?: number }
  | { kind: 'number'; value?: number; min?: number; max?: number }
  | { kind: 'select'; options: readonly Option[]; value?: string }
  | { kind: 'checkbox'; value?: boolean }
  | { kind: 'checkboxes'; options: readonly Option[]; value?: readonly string[] }
);

export class FormValues {
  constructor(private readonly data: FormData) {}
  text(name: string): string { return String(this.data.get(name) ?? '').trim(); }
  number(name: string): number { return Number(this.text(name)); }
  checked(name: string): boolean { return this.data.get(name) !== null; }
  all(name: string): string[] { return this.data.getAll(name).map(String); }
}

function control(id: string, spec: FieldSpec): HTMLElement {
  switch (spec.kind) {
    case 'select':
      return h('select', { id, name: spec.name },
        ...spec.options.map((o) => h('option', { value: o.value, selected: o.value === spec.value }, o.label)));
    case 'checkbox':
      return h('input', { id, name: spec.name, type: 'checkbox', checked: spec.value === true });
    case 'checkboxes':
      return h('div', { id, class: 'checks', role: 'group' },
        ...spec.options.map((o) => h('label', { class: 'check' },
          h('input', { type: 'checkbox', name: spec.name, value: o.value, checked: spec.value?.includes(o.value) === true }), ' ', o.label)));
    case 'number':
      return h('input', { id, name: spec.name, type: 'number', value: spec.value ?? '', min: spec.min, max: spec.max, inputmode: 'numeric' });
    default:
      return h('input', {
        id, name: spec.name, type: spec.kind, value: spec.value ?? '', required: spec.required, list: spec.list, readonly: spec.readonly,
        maxlength: spec.maxlength ?? 100, autocomplete: spec.kind === 'password' ? 'new-password' : 'off', spellcheck: 'false',
      });
  }
}

function fieldOf(formId: string, spec: FieldSpec): HTMLElement {
  const id = `${formId}-${spec.name}`;
  const label = h('label', { for: id, 'data-i18n': spec.label }, t(spec.label));
  const hint = spec.hint ? h('p', { class: 'hint', 'data-i18n': spec.hint }, t(spec.hint)) : null;
  const error = h('p', { class: 'field-error', 'data-error-for': spec.name });
  return h('div', { class: `field field-${spec.kind}`, 'data-field': spec.name }, label, control(id, spec), hint, error);
}

/** A form of `fields` and a submit button; `submit` runs with the values, and its refusal shows on the form (its success, on the panel). */
export function recordForm(
  id: string, fields: readonly FieldSpec[], submitKey: string, submit: (values: FormValues) => Promise<void>,
): HTMLFormElement {
  const message = h('p', { class: 'message', role: 'status', hidden: true });
  const button = h('button', { type: 'submit', class: 'small', 'data-i18n': submitKey }, t(submitKey));
  const form = h('form', { id, class: 'admin-form', 'data-form': id, novalidate: true },
    ...fields.map((f) => fieldOf(id, f)), message, button);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (button.disabled) return;
    button.disabled = true;
    clearErrors(form);
    setMessage(message, null);
    submit(new FormValues(new FormData(form)))
      .catch((err: unknown) => showError(form, message, err))
      .finally(() => { button.disabled = false; });
  });
  return form;
}

/** A refusal in words on the form; each field the server names is marked (its English text is never shown). */
function showError(form: HTMLFormElement, message: HTMLElement, err: unknown): void {
  setMessage(message, err instanceof InputError ? err.message : describeError(err), 'error');
  const fields = err instanceof InputError ? [err.field] : err instanceof ApiError ? Object.keys(err.fieldErrors) : [];
  for (const path of fields) {
    const name = path.split('.')[0] ?? path;
    const field = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`);
    if (!field) continue;
    field.querySelector('input, select, .checks')?.setAttribute('aria-invalid', 'true');
    const error = field.querySelector<HTMLElement>('[data-error-for]');
    if (error) error.textContent = t('admin.fieldInvalid');
  }
}

/** A field the page itself finds wrong before sending (a message already in words). */
export class InputError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}
