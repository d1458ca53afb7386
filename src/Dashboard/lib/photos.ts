// The photos a timeline event brought, as thumbnails: lazy-loaded, each a link to the full
// photo. The resident's at submission and the cadre's at resolution come in `photos`; a
// resolution from before issue 14 kept its one photo URL in `reference`.
import { h } from './dom';
import { t } from './i18n';
import type { CaseEvent } from './types';

/** Same-site photo paths only: a thumbnail never makes the browser fetch from elsewhere. */
const PHOTO_PATH = /^\/api\/v1\/(cases\/[^/?#]+\/)?photos\/[0-9a-f]{32}\.(jpg|png|webp)$/;

export function isPhotoPath(value: string | null | undefined): value is string {
  return !!value && PHOTO_PATH.test(value);
}

/** The photos an event shows, in order. */
export function eventPhotos(event: Pick<CaseEvent, 'type' | 'reference'> & { photos?: readonly string[] | null }): string[] {
  if (event.photos && event.photos.length > 0) return event.photos.filter(isPhotoPath);
  return event.type === 'resolved' && isPhotoPath(event.reference) ? [event.reference] : [];
}

/** `ul.photo-thumbs` of links to the photos, each with its alt text by the event's kind. */
export function photoThumbs(urls: readonly string[], eventType: string): HTMLUListElement | null {
  if (urls.length === 0) return null;
  const altKey = eventType === 'submitted' ? 'photos.alt.submitted' : eventType === 'resolved' ? 'photos.alt.resolved' : 'photos.alt.other';
  return h('ul', { class: 'photo-thumbs' },
    ...urls.map((url, i) =>
      h('li', {},
        h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', title: t('photos.open'), 'data-photo': url },
          h('img', { src: url, alt: t(altKey, { n: i + 1 }), loading: 'lazy', decoding: 'async', width: 96, height: 96 })))));
}
