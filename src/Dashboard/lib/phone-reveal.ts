// A resident's phone number as staff see it: masked (138****5678) until they ask for it. "Show
// number" calls `POST /api/v1/cases/{caseId}/phone`, which records the reveal (who, when, which
// case) before answering; the page says so next to the number. A number once shown stays shown on
// this page when the case is drawn again.
import { describeError, request } from './api';
import { h, setMessage } from './dom';
import { t } from './i18n';

/** Numbers this page was given, by case. */
const revealed = new Map<string, string>();

const isMasked = (phone: string): boolean => phone.includes('*');

export const revealPhone = (token: string, caseId: string): Promise<{ phone: string }> =>
  request<{ phone: string }>(`/api/v1/cases/${encodeURIComponent(caseId)}/phone`, { method: 'POST', token });

export interface PhoneHost {
  token: () => string;
  /** True when the error ended the session (a 401): nothing more to show. */
  handleAuthError: (err: unknown) => boolean;
}

/** The phone number, a link to call it once shown. */
function shownPhone(phone: string): HTMLElement {
  return h('a', { href: `tel:${phone.replace(/[^\d+]/g, '')}`, class: 'case-phone', 'data-masked': 'false' }, phone);
}

/** The contact's phone for a case card or queue item: shown, or masked with a button that reveals it. */
export function phoneElement(caseId: string, phone: string, host: PhoneHost): HTMLElement {
  const wrap = h('span', { class: 'phone', 'data-phone-for': caseId });
  const known = revealed.get(caseId) ?? (isMasked(phone) ? null : phone);
  if (known) {
    wrap.append(shownPhone(known));
    if (revealed.has(caseId)) wrap.append(' ', h('small', { class: 'phone-recorded muted', 'data-i18n': 'common.phone.recorded' }, t('common.phone.recorded')));
    return wrap;
  }
  const button = h('button', { type: 'button', class: 'small secondary', 'data-reveal-phone': caseId, 'data-i18n': 'common.phone.show' }, t('common.phone.show'));
  const error = h('small', { class: 'field-error', role: 'alert', hidden: true });
  wrap.append(h('span', { class: 'case-phone', 'data-masked': 'true' }, phone), ' ', button, error);
  button.addEventListener('click', () => {
    button.disabled = true;
    revealPhone(host.token(), caseId).then(({ phone: full }) => {
      revealed.set(caseId, full);
      wrap.replaceWith(phoneElement(caseId, full, host));
    }).catch((err: unknown) => {
      button.disabled = false;
      if (!host.handleAuthError(err)) setMessage(error, describeError(err), 'error');
    });
  });
  return wrap;
}
