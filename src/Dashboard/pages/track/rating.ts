// The resident's rating once the case is resolved; an unsatisfied rating reopens it server-side.
import { ApiError, describeError, rateCase } from '../../lib/api';
import { byId } from '../../lib/dom';
import { t } from '../../lib/i18n';
import { lastSeq } from '../../lib/timeline';
import type { Rating as RatingValue } from '../../lib/types';
import type { TrackPage } from './page';

export class Rating {
  private readonly form = byId<HTMLFormElement>('rating-form');
  private readonly submitButton = byId<HTMLButtonElement>('rating-submit');

  constructor(private readonly page: TrackPage) {}

  listen(): void {
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    this.form.addEventListener('change', () => { byId('error-rating').textContent = ''; });
  }

  private async submit(): Promise<void> {
    const { page } = this;
    if (!page.token || this.submitButton.disabled) return;
    byId('error-rating').textContent = '';
    byId('error-comment').textContent = '';
    const checked = this.form.querySelector<HTMLInputElement>('input[name="rating"]:checked');
    if (!checked) {
      byId('error-rating').textContent = t('track.rating.choose');
      return;
    }
    const rating = checked.value as RatingValue;
    const comment = byId<HTMLTextAreaElement>('rating-comment').value.trim();
    const expectedSeq = page.view ? lastSeq(page.view.timeline) : undefined;

    this.submitButton.disabled = true;
    try {
      page.take(await rateCase(page.token, { rating, comment: comment || null, expectedSeq }));
      this.form.reset();
      page.render();
      page.say(() => t(rating === 'unsatisfied' ? 'track.rating.reopened' : 'track.rating.thanks'), 'ok');
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && Object.keys(err.fieldErrors).length > 0) {
        for (const [path, messages] of Object.entries(err.fieldErrors)) {
          (path === 'comment' ? byId('error-comment') : byId('error-rating')).textContent = messages.join(' ');
        }
      } else {
        page.say(() => describeError(err), 'error');
        if (err instanceof ApiError && err.status === 409) void page.refresh();
      }
    } finally {
      this.submitButton.disabled = false;
    }
  }
}
