// KPIs of the official's scope over the last 30 days (GET /api/v1/metrics, docs/kpis.md): one table
// by level with the share of everything resolved that each level resolved, one by department and
// one by community. Read on load and after each (re)connect.
import { byId, h } from '../../lib/dom';
import { locale, t } from '../../lib/i18n';
import { levelText } from '../../lib/labels';
import { breakdown, LEVELS, percent, type BreakdownRow } from '../../lib/level-kpis';
import { getLevelKpis, type KpiReport } from '../../lib/official-api';
import type { CaseLevel } from '../../lib/types';
import { ox, type Official } from './context';

export class LevelKpis {
  private report: KpiReport | null = null;
  private readonly root = byId('kpi-tables');

  constructor(private readonly official: Official) {}

  async load(): Promise<void> {
    const { session, level } = this.official;
    try {
      this.report = await getLevelKpis(session.token, level.ownerId);
    } catch (err) {
      if (session.handleAuthError(err)) return;
      this.report = null;
    }
    this.render();
  }

  render(): void {
    const report = this.report;
    if (!report) {
      this.root.replaceChildren(h('p', { class: 'hint', id: 'kpi-unavailable' }, ox('kpi.unavailable')));
      return;
    }
    const names = (id: string | null): string => {
      if (!id) return ox('kpi.none');
      const n = this.official.names.of(id);
      return (locale() === 'en' ? n.nameEn : n.name) ?? id;
    };
    const department = (id: string | null): string => (id ? t('names.owner.department', { id }) : ox('kpi.none'));
    this.root.replaceChildren(
      this.table('level', ox('kpi.byLevel'), breakdown(report.buckets, (b) => b.byLevel, LEVELS), (k) => levelText(k as CaseLevel), true),
      this.table('department', ox('kpi.byDepartment'), breakdown(report.buckets, (b) => b.byDepartment), department, false),
      this.table('community', ox('kpi.byCommunity'), breakdown(report.buckets, (b) => b.byCommunity), names, false),
    );
  }

  private table(name: string, caption: string, rows: BreakdownRow[], label: (key: string | null) => string, share: boolean): HTMLElement {
    return h('div', { class: 'table-wrap' },
      h('table', { class: 'kpi-breakdown', id: `kpi-by-${name}`, 'data-breakdown': name },
        h('caption', {}, caption),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, ox(`kpi.col.${name}`)),
          h('th', { scope: 'col' }, ox('kpi.col.submitted')),
          h('th', { scope: 'col' }, ox('kpi.col.resolved')),
          share ? h('th', { scope: 'col' }, ox('kpi.col.share')) : h('th', { scope: 'col' }, ox('kpi.col.resolutionRate')),
          h('th', { scope: 'col' }, ox('kpi.col.satisfaction')),
        )),
        h('tbody', {}, ...(rows.length === 0
          ? [h('tr', {}, h('td', { colspan: 5, class: 'muted' }, ox('kpi.empty')))]
          : rows.map((r) => h('tr', { 'data-key': r.key ?? '' },
            h('th', { scope: 'row' }, label(r.key)),
            h('td', { 'data-submitted': r.submitted }, String(r.submitted)),
            h('td', { 'data-resolved': r.resolved }, String(r.resolved)),
            h('td', share ? { 'data-share': r.shareOfResolved ?? '' } : {}, percent(share ? r.shareOfResolved : r.resolutionRate)),
            h('td', {}, percent(r.satisfactionRate)),
          )))),
      ),
    );
  }
}
