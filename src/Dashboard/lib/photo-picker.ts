// A photo field for a form: a file input (the phone offers its camera; `capture` goes straight
// to the back camera), previews with a remove button, and a hidden input holding the uploaded
// photos' URLs, one a line, which is what the form sends. Each chosen photo is made small
// (lib/photo-resize.ts) and uploaded at once, so the form itself carries only references.
// One listener per page (`listenPhotoFields`) serves every field under its root.
import { describeError } from './api';
import { h } from './dom';
import { t } from './i18n';
import { MAX_PHOTOS, resizePhoto, roomFor } from './photo-resize';

export interface PhotoFieldSpec {
  /** The file input's id. */
  id: string;
  /** The hidden input's name (`photos`). */
  name: string;
  label: string;
  hint: string;
  /** Open the back camera directly (the cadre at the site), rather than offering camera or gallery. */
  camera?: boolean;
  /** URLs already attached (a draft kept across a re-render), one a line. */
  value?: string;
  /** The hidden input's `data-draft` key, so a page's Drafts keep the photos across re-renders. */
  draftKey?: string;
}

/** Sends one made-small photo for the field and answers its URL. */
export type PhotoUpload = (photo: Blob, field: HTMLElement) => Promise<string>;

/** The URLs a field (or the first field under a root) holds. */
export function photoUrls(root: HTMLElement): string[] {
  const hidden = root.querySelector<HTMLInputElement>('input[data-photo-urls]');
  return (hidden?.value ?? '').split('\n').filter(Boolean);
}

/** Whether a photo of the field under `root` is still being sent. */
export function photosBusy(root: HTMLElement): boolean {
  return root.querySelector('[data-photo-field][data-busy="true"]') !== null;
}

export function photoField(spec: PhotoFieldSpec): HTMLDivElement {
  const field = h('div', { class: 'field photo-field', 'data-photo-field': spec.name },
    h('label', { for: spec.id }, spec.label, ' ', h('span', { class: 'optional', 'data-i18n': 'common.optional' }, t('common.optional'))),
    h('p', { class: 'hint' }, spec.hint),
    h('ul', { class: 'photo-previews', 'data-photo-previews': '' }),
    // The browser's own file button reads in its own language; the visible button is ours, in the page's language.
    h('input', {
      type: 'file', id: spec.id, class: 'visually-hidden', accept: 'image/*', multiple: true, capture: spec.camera ? 'environment' : undefined,
      'data-photo-input': '', 'aria-describedby': `${spec.id}-status ${spec.id}-error`,
    }),
    h('label', { for: spec.id, class: 'button secondary photo-choose', 'aria-hidden': 'true' }, t('photos.choose')),
    h('input', { type: 'hidden', name: spec.name, 'data-photo-urls': '', 'data-draft': spec.draftKey, value: spec.value ?? '' }),
    h('p', { class: 'photo-status hint', id: `${spec.id}-status`, role: 'status' }),
    h('p', { class: 'field-error', id: `${spec.id}-error`, 'data-error-for': spec.name }),
  );
  drawPreviews(field);
  return field;
}

/** Empties a field (after its form went through). */
export function clearPhotoField(field: HTMLElement): void {
  setUrls(field, []);
  say(field, '');
}

/** Handles choosing and removing photos in every field under `root`. */
export function listenPhotoFields(root: HTMLElement, upload: PhotoUpload): void {
  root.addEventListener('change', (event) => {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.type === 'file' && input.hasAttribute('data-photo-input')) void add(input, upload);
  });
  root.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-photo-remove]') : null;
    const field = button?.closest<HTMLElement>('[data-photo-field]');
    if (!button || !field) return;
    setUrls(field, photoUrls(field).filter((url) => url !== button.dataset['photoRemove']));
    say(field, t('photos.attached', { count: photoUrls(field).length, max: MAX_PHOTOS }));
  });
}

async function add(input: HTMLInputElement, upload: PhotoUpload): Promise<void> {
  const field = input.closest<HTMLElement>('[data-photo-field]');
  if (!field || field.dataset['busy'] === 'true') return;
  const files = Array.from(input.files ?? []);
  input.value = '';
  const room = roomFor(photoUrls(field).length, files.length);
  const notes: string[] = room < files.length ? [t('photos.tooMany', { max: MAX_PHOTOS })] : [];
  busy(field, true);
  try {
    for (const file of files.slice(0, room)) {
      say(field, t('photos.uploading', { n: photoUrls(field).length + 1 }));
      let small: Blob;
      try {
        small = await resizePhoto(file);
      } catch {
        notes.push(t('photos.notImage', { name: file.name }));
        continue;
      }
      try {
        setUrls(field, [...photoUrls(field), await upload(small, field)]);
      } catch (err) {
        notes.push(t('photos.failed', { reason: describeError(err) }));
      }
    }
  } finally {
    busy(field, false);
  }
  say(field, [t('photos.attached', { count: photoUrls(field).length, max: MAX_PHOTOS }), ...notes].join(' '));
}

function setUrls(field: HTMLElement, urls: readonly string[]): void {
  const hidden = field.querySelector<HTMLInputElement>('input[data-photo-urls]');
  if (!hidden) return;
  hidden.value = urls.join('\n');
  // The page's Drafts listen for this, so the photos outlive a re-render of the form.
  hidden.dispatchEvent(new Event('change', { bubbles: true }));
  drawPreviews(field);
}

function drawPreviews(field: HTMLElement): void {
  const urls = photoUrls(field);
  field.querySelector('[data-photo-previews]')?.replaceChildren(...urls.map((url, i) =>
    h('li', { class: 'photo-preview' },
      h('img', { src: url, alt: t('photos.preview', { n: i + 1 }), width: 72, height: 72 }),
      h('button', { type: 'button', class: 'secondary photo-remove', 'data-photo-remove': url, 'aria-label': t('photos.remove', { n: i + 1 }) }, '×'))));
  const input = field.querySelector<HTMLInputElement>('input[data-photo-input]');
  if (input) input.disabled = urls.length >= MAX_PHOTOS || field.dataset['busy'] === 'true';
}

function busy(field: HTMLElement, on: boolean): void {
  field.dataset['busy'] = String(on);
  // The form waits for its photos: a resolution or submission sent meanwhile would go without them.
  field.closest('form')?.querySelectorAll<HTMLButtonElement>('button[type="submit"]').forEach((b) => { b.disabled = on; });
  drawPreviews(field);
}

function say(field: HTMLElement, text: string): void {
  const status = field.querySelector('.photo-status');
  if (status) status.textContent = text;
}
