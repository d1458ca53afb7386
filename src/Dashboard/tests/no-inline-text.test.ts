// @vitest-environment node
// Every text a person reads comes from locales/{zh,en}/*.json. This guard reads the page code
// (lib/, pages/) and the HTML pages, drops comments, and fails on any CJK character left: such
// text would not switch with the language. English-only text is not caught here; review it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = decodeURIComponent(new URL('..', import.meta.url).pathname).replace(/^\/([A-Za-z]:)/, '$1');

/** CJK ideographs and punctuation, full-width forms, kana and hangul. */
const CJK = /[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

function tsFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return tsFiles(rel);
    return entry.name.endsWith('.ts') ? [rel] : [];
  });
}

/** Blank out a range, keeping the line breaks so line numbers stay right. */
function blank(text: string, pos: number, end: number): string {
  return text.slice(0, pos) + text.slice(pos, end).replace(/[^\n]/g, ' ') + text.slice(end);
}

/** The TypeScript source with every comment blanked out (found by the compiler, so strings and regexes are safe). */
export function stripTsComments(fileName: string, text: string): string {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const ranges = new Map<number, number>();
  const collect = (pos: number): void => {
    for (const r of [...(ts.getLeadingCommentRanges(text, pos) ?? []), ...(ts.getTrailingCommentRanges(text, pos) ?? [])]) {
      ranges.set(r.pos, r.end);
    }
  };
  const visit = (node: ts.Node): void => {
    collect(node.pos);
    collect(node.end);
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  let out = text;
  for (const [pos, end] of ranges) out = blank(out, pos, end);
  return out;
}

/** The HTML with `<!-- … -->` comments blanked out. */
export function stripHtmlComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

function offenders(file: string, code: string): string[] {
  return code.split('\n').flatMap((line, i) => (CJK.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
}

describe('no inline text', () => {
  it('strips comments but keeps code', () => {
    const code = stripTsComments('x.ts', "// 注释\nconst a = '文字'; /* 注释 */\nconst re = /a\\/\\/b/; // 注释\n");
    expect(offenders('x.ts', code)).toEqual(["x.ts:2: const a = '文字';"]);
    expect(offenders('x.html', stripHtmlComments('<!-- 注释\n -->\n<p>文字</p>'))).toEqual(['x.html:3: <p>文字</p>']);
  });

  it('keeps every Chinese text in the resource files (lib/, pages/, *.html)', () => {
    const found: string[] = [];
    for (const file of [...tsFiles('lib'), ...tsFiles('pages')]) {
      found.push(...offenders(file, stripTsComments(file, readFileSync(join(root, file), 'utf8'))));
    }
    for (const file of readdirSync(root).filter((name) => name.endsWith('.html'))) {
      found.push(...offenders(file, stripHtmlComments(readFileSync(join(root, file), 'utf8'))));
    }
    expect(found, `Move these texts into locales/{zh,en}/*.json and render them with t():\n${found.join('\n')}`).toEqual([]);
  }, 60_000); // parses every page module with the compiler: seconds on a loaded machine, past Vitest's 5 s default
});
