// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasText, keys, setLocale, t } from '../lib/i18n';
import { explainProblem, explainRefusal } from '../lib/problems';

const repo = decodeURIComponent(new URL('../../..', import.meta.url).pathname).replace(/^\/([A-Za-z]:)/, '$1');

/** The refusal catalog of docs/api.md ("Refusal codes"): each code with the arguments its row names. */
function catalog(): Map<string, Set<string>> {
  const doc = readFileSync(join(repo, 'docs', 'api.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Refusal codes'));
  const codes = new Map<string, Set<string>>();
  for (const [, code = '', args = ''] of section.matchAll(/^\| `([a-z0-9-]+)` \|[^|]*\|[^|]*\|([^|]*)\|/gm)) {
    codes.set(code, new Set([...args.matchAll(/`(\w+)`/g)].map((m) => m[1] ?? '')));
  }
  return codes;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');

describe('refusals by code', () => {
  afterEach(() => setLocale('zh'));

  it('reads a catalog of codes from docs/api.md', () => {
    expect(catalog().size).toBeGreaterThan(40);
    expect(catalog().get('cadre-full')).toEqual(new Set(['cadreId', 'name', 'openCases']));
  });

  it('has a Chinese and an English text for every code in the catalog', () => {
    const missing = [...catalog().keys()].filter((code) => !hasText(`refusals.${code}`));
    expect(missing).toEqual([]);
  });

  it('has no text for a code the catalog does not list', () => {
    const codes = catalog();
    const stale = keys('en')
      .filter((key) => key.startsWith('refusals.') && !key.startsWith('refusals.petitionStatus.'))
      .map((key) => key.slice('refusals.'.length))
      .filter((code) => !codes.has(code));
    expect(stale).toEqual([]);
  });

  it('fills in only arguments the catalog says the code carries', () => {
    const wrong: string[] = [];
    for (const [code, args] of catalog()) {
      for (const lang of ['zh', 'en'] as const) {
        setLocale(lang);
        for (const name of placeholders(t(`refusals.${code}`))) {
          if (!args.has(name)) wrong.push(`${lang} ${code} {${name}}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('says a refused assignment with the cadre and the count, in either language', () => {
    const args = { cadreId: 'wang-liqun', name: '王立群', openCases: '8' };
    expect(explainRefusal('cadre-full', args)).toBe('王立群 已有 8 件在办，已达上限');
    setLocale('en');
    expect(explainRefusal('cadre-full', args)).toBe('王立群 already carries 8 open cases, their maximum');
  });

  it('puts enum arguments in words: steps, modes, statuses and lists of them', () => {
    expect(explainRefusal('step-out-of-order', { step: 'resultHandedOver', after: 'documentsHandedOver' })).toBe('请先完成「收取材料」');
    expect(explainRefusal('wrong-status', { status: 'resolved', expected: 'assigned,acknowledged' }))
      .toBe('诉求当前为「已办结」，此操作需要「已派单 / 已接单」');
    setLocale('en');
    expect(explainRefusal('same-mode', { mode: 'doForYou' })).toBe('Already handled “Do it for you”');
    expect(explainRefusal('role-required', { roles: 'dispatcher,admin' })).toBe('This needs the role: Dispatcher / Administrator');
    expect(explainRefusal('petition-not-open', { status: 'held' })).toBe('The video meeting request is “held” and can no longer change');
  });

  it('answers by code, never by the English detail', () => {
    const problem = { status: 409, code: 'stale-seq', args: { seq: '7', expectedSeq: '5' }, detail: 'The case has moved on: seq is 7, not 5.' };
    expect(explainProblem(409, problem)).toBe('诉求已有新进展，页面已更新，请看一下再操作');
  });

  it('falls back to generic words for the status, not the English detail, for an unknown or missing code', () => {
    const detail = 'Something the server said in English.';
    expect(explainProblem(409, { code: 'brand-new-code', detail })).toBe('现在不能这样操作');
    expect(explainProblem(404, { detail })).toBe('找不到');
    expect(explainProblem(503, { code: 'not-yet-known' })).toBe('服务器暂时不可用，请稍后再试。');
    expect(explainProblem(0, null)).toBe('网络不通，请稍后再试。');
    setLocale('en');
    expect(explainProblem(418, { code: 'teapot', detail })).toBe('Error 418');
  });
});
