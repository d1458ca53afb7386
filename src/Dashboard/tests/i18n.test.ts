import { describe, expect, it } from 'vitest';
import { formatDateTime, keys, locale, setLocale, t } from '../lib/i18n';

describe('i18n', () => {
  it('has every text in both languages', () => {
    const zh = new Set(keys('zh'));
    const en = new Set(keys('en'));
    expect([...zh].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !zh.has(k))).toEqual([]);
  });

  it('speaks Chinese by default and English when switched, filling placeholders', () => {
    expect(locale()).toBe('zh');
    expect(t('common.connected')).toBe('已连接');
    setLocale('en');
    expect(t('common.connected')).toBe('Connected');
    expect(document.documentElement.lang).toBe('en');
    setLocale('zh');
  });

  it('shows a missing key as itself so it is noticed', () => {
    expect(t('nowhere.missing')).toBe('nowhere.missing');
  });

  it('formats times for the chosen language', () => {
    const at = '2026-11-27T07:05:00Z';
    setLocale('en');
    const en = formatDateTime(at, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC', hour12: false });
    setLocale('zh');
    const zh = formatDateTime(at, { month: 'long', day: 'numeric', timeZone: 'UTC' });
    expect(en).toBe('07:05');
    expect(zh).toBe('11月27日');
  });
});
