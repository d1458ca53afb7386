#!/usr/bin/env node
// Draws one trace as a waterfall page and screenshots it for docs/observability.md.
// The trace is what the OTLP test receiver kept from a real run (tests/EndToEnd.Tests/CaseTraceTests writes it):
//   dotnet test tests/EndToEnd.Tests --filter CaseTraceTests && node scripts/trace-screenshot.mjs
// Usage: node scripts/trace-screenshot.mjs [trace.json] [out.png]   (defaults: artifacts/traces/case-trace.json, docs/observability/trace.png)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const input = resolve(process.argv[2] ?? `${root}/artifacts/traces/case-trace.json`);
const output = resolve(process.argv[3] ?? `${root}/docs/observability/trace.png`);
const kinds = ['', 'internal', 'server', 'client', 'producer', 'consumer'];
const colours = { 'gongzhi-gateway': '#2563eb', 'gongzhi-silo': '#15803d' };

const spans = JSON.parse(readFileSync(input, 'utf8'));
const byParent = new Map();
for (const s of spans) {
  const key = spans.some((p) => p.spanId === s.parentSpanId) ? s.parentSpanId : null;
  byParent.set(key, [...(byParent.get(key) ?? []), s]);
}

// Depth-first, children by start time: each span right under the one that caused it.
const rows = [];
const walk = (parent, depth) => {
  for (const s of (byParent.get(parent) ?? []).sort((a, b) => Number(BigInt(a.startNanos) - BigInt(b.startNanos)))) {
    rows.push({ ...s, depth });
    walk(s.spanId, depth + 1);
  }
};
walk(null, 0);

const start = rows.reduce((m, s) => (BigInt(s.startNanos) < m ? BigInt(s.startNanos) : m), BigInt(rows[0].startNanos));
const end = rows.reduce((m, s) => (BigInt(s.endNanos) > m ? BigInt(s.endNanos) : m), 0n);
const total = Number(end - start) / 1e6;
const ms = (n) => Number(BigInt(n) - start) / 1e6;
// The lane leaves room on the right for the last spans' labels.
const pct = (v) => `${((v / (total * 1.15)) * 100).toFixed(3)}%`;
const fmt = (v) => (v >= 10 ? v.toFixed(0) : v.toFixed(1));
const esc = (t) => String(t).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const caseId = rows.find((s) => s.attributes['gongzhi.case_id'])?.attributes['gongzhi.case_id'];
const step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000].find((t) => total / t <= 8) ?? 10000;
const ticks = Array.from({ length: Math.floor(total / step) + 1 }, (_, i) => i * step);

const detail = (s) => {
  const a = s.attributes;
  return [a['gongzhi.case.seq'] && `seq ${a['gongzhi.case.seq']}`, a['messaging.destination.name'] && `queue ${a['messaging.destination.name']}`,
    a['http.response.status_code'] && `${a['http.response.status_code']}`].filter(Boolean).join(' · ');
};

const html = `<!doctype html><meta charset="utf-8"><style>
body { font: 13px/1.35 system-ui, sans-serif; margin: 24px; color: #111827; background: #fff; }
h1 { font-size: 17px; margin: 0 0 4px; } .sub { color: #4b5563; margin-bottom: 14px; }
.legend span { display: inline-block; margin-right: 18px; } .legend i { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
.grid { display: grid; grid-template-columns: 540px 1fr; border-top: 1px solid #e5e7eb; }
.name, .lane { border-bottom: 1px solid #f3f4f6; height: 24px; display: flex; align-items: center; }
.name { white-space: nowrap; overflow: hidden; } .svc { font-size: 11px; color: #6b7280; margin-right: 6px; }
.kind { font-size: 10px; color: #374151; background: #f3f4f6; border-radius: 3px; padding: 0 4px; margin-left: 6px; }
.lane { position: relative; } .bar { position: absolute; height: 12px; border-radius: 2px; min-width: 2px; }
.dur { position: absolute; font-size: 11px; color: #374151; white-space: nowrap; padding-left: 4px; }
.axis { position: relative; height: 18px; color: #6b7280; font-size: 11px; } .axis span { position: absolute; transform: translateX(-50%); }
.tick { position: absolute; top: 0; bottom: 0; border-left: 1px dashed #e5e7eb; }
</style>
<h1>Trace ${esc(rows[0].traceId)}</h1>
<div class="sub">One resident's submission${caseId ? ` (case ${esc(caseId)})` : ''}: ${rows.length} spans from ${new Set(rows.map((s) => s.service)).size} services, ${fmt(total)} ms from the POST to the last push.</div>
<div class="legend">${Object.entries(colours).map(([k, c]) => `<span><i style="background:${c}"></i>${k}</span>`).join('')}</div>
<div class="grid"><div></div><div class="axis">${ticks.map((t) => `<span style="left:${pct(t)}">${t} ms</span>`).join('')}</div>
${rows.map((s) => {
    const from = ms(s.startNanos), length = Math.max(ms(s.endNanos) - from, 0);
    return `<div class="name" style="padding-left:${s.depth * 14}px"><span class="svc">${esc(s.service.replace('gongzhi-', ''))}</span>${esc(s.name)}<span class="kind">${kinds[s.kind] ?? ''}</span></div>
<div class="lane">${ticks.map((t) => `<div class="tick" style="left:${pct(t)}"></div>`).join('')}<div class="bar" style="left:${pct(from)};width:${pct(length)};background:${colours[s.service] ?? '#9ca3af'}${s.failed ? ';outline:2px solid #dc2626' : ''}"></div><div class="dur" style="left:calc(${pct(from + length)} + 2px)">${fmt(length)} ms${detail(s) ? ` · ${esc(detail(s))}` : ''}</div></div>`;
  }).join('\n')}
</div>`;

mkdirSync(dirname(output), { recursive: true });
mkdirSync(`${root}/artifacts/traces`, { recursive: true });
writeFileSync(`${root}/artifacts/traces/trace.html`, html);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 400 }, deviceScaleFactor: 1 });
  await page.setContent(html);
  await page.screenshot({ path: output, fullPage: true });
} finally {
  await browser.close();
}
console.log(`${output} (${rows.length} spans, ${fmt(total)} ms)`);
