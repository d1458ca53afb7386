import { afterEach, describe, expect, it, vi } from 'vitest';
import { phoneElement } from '../lib/phone-reveal';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('a resident’s phone number on a staff page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows masked until revealed; the reveal is asked of the server and said to be recorded', async () => {
    const fetch = vi.fn().mockResolvedValue(json(200, { phone: '13905371234' }));
    vi.stubGlobal('fetch', fetch);
    const host = { token: () => 'tok-2', handleAuthError: vi.fn(() => false) };
    document.body.replaceChildren(phoneElement('case-a', '139****1234', host));
    expect(document.querySelector('[data-masked="true"]')?.textContent).toBe('139****1234');
    document.querySelector<HTMLButtonElement>('[data-reveal-phone="case-a"]')!.click();
    await vi.waitFor(() => expect(document.querySelector('a.case-phone')?.getAttribute('href')).toBe('tel:13905371234'));
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/cases/case-a/phone');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['Authorization']).toBe('Bearer tok-2');
    expect(document.querySelector('.phone-recorded')?.getAttribute('data-i18n')).toBe('common.phone.recorded');
    // Drawn again (the case moved on): still shown, without asking again.
    document.body.replaceChildren(phoneElement('case-a', '139****1234', host));
    expect(document.querySelector('a.case-phone')?.textContent).toBe('13905371234');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('hands a 401 to the session and shows any other refusal', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValueOnce(json(401, {})).mockResolvedValueOnce(json(403, { code: 'outside-scope' })));
    const host = { token: () => 'tok', handleAuthError: vi.fn((err: unknown) => (err as { status: number }).status === 401) };
    document.body.replaceChildren(phoneElement('case-b', '138****5678', host));
    const button = document.querySelector<HTMLButtonElement>('[data-reveal-phone="case-b"]')!;
    button.click();
    await vi.waitFor(() => expect(host.handleAuthError).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(button.disabled).toBe(false));
    button.click();
    await vi.waitFor(() => expect(document.querySelector('[data-phone-for="case-b"] [role="alert"]')?.textContent).toBeTruthy());
    expect(document.querySelector('a.case-phone')).toBeNull();
  });
});
