// A county's categories (names, default mode, SLA class, department, offer window, surge warning thresholds) and its SLA
// classes (minutes to acknowledge and to resolve); a new one of each.
import { saveCategory, saveSlaClass } from '../../lib/admin-api';
import { byId, h } from '../../lib/dom';
import { t } from '../../lib/i18n';
import { modeText } from '../../lib/labels';
import type { AdminCatalog, AdminCategory, AdminSlaClass, HandlingMode } from '../../lib/types';
import { guard, tx, type AdminContext } from './context';
import { InputError, recordForm, type FieldSpec } from './form';

const MODES: readonly HandlingMode[] = ['doItNow', 'leadThrough', 'doForYou'];

export class CatalogPanel {
  constructor(private readonly ctx: AdminContext, private readonly say: (text: string) => void) {}

  render(): void {
    const catalog = this.ctx.world?.counties[0] ?? null;
    byId('categories-body').replaceChildren(...(catalog?.categories ?? []).map((c) => this.categoryRow(catalog as AdminCatalog, c)));
    byId('sla-body').replaceChildren(...(catalog?.slaClasses ?? []).map((s) => this.slaRow(catalog as AdminCatalog, s)));
    byId('category-create').replaceChildren(catalog ? this.categoryForm(catalog, null) : '');
    byId('sla-create').replaceChildren(catalog ? this.slaForm(catalog, null) : '');
  }

  private categoryForm(catalog: AdminCatalog, c: AdminCategory | null): HTMLFormElement {
    const fields: FieldSpec[] = [
      ...(c ? [] : [{ name: 'id', label: 'admin.category.id', kind: 'text', maxlength: 64, hint: 'admin.idHint' } satisfies FieldSpec]),
      { name: 'name', label: 'admin.category.name', kind: 'text', value: c?.name ?? '' },
      { name: 'nameEn', label: 'admin.category.nameEn', kind: 'text', value: c?.nameEn ?? '' },
      { name: 'defaultMode', label: 'admin.category.mode', kind: 'select', options: MODES.map((m) => ({ value: m, label: modeText(m) })), value: c?.defaultMode },
      { name: 'slaClass', label: 'admin.category.sla', kind: 'select', options: catalog.slaClasses.map((s) => ({ value: s.id, label: s.id })), value: c?.slaClass },
      { name: 'departmentId', label: 'admin.category.department', kind: 'text', value: c?.departmentId ?? '', maxlength: 64 },
      { name: 'offerWindowMinutes', label: 'admin.category.offer', kind: 'number', value: c?.offerWindowMinutes ?? 10, min: 1, max: 1440 },
      { name: 'surgeMinCount', label: 'surge.admin.minCount', kind: 'number', value: c?.surgeMinCount ?? 3, min: 2, max: 100 },
      { name: 'surgeWindowMinutes', label: 'surge.admin.window', kind: 'number', value: c?.surgeWindowMinutes ?? 60, min: 10, max: 1440 },
      { name: 'surgePValue', label: 'surge.admin.pValue', kind: 'text', value: String(c?.surgePValue ?? 0.000001), maxlength: 20, hint: 'surge.admin.pValueHint' },
    ];
    return recordForm(c ? `category-edit-${c.id}` : 'category-new', fields, c ? 'admin.save' : 'admin.category.create', guard(this.ctx, async (v) => {
      const id = c?.id ?? v.text('id');
      if (!id) throw new InputError('id', tx('required'));
      await saveCategory(this.ctx.session.token, catalog.countyId, id, {
        name: v.text('name'), nameEn: v.text('nameEn'), defaultMode: v.text('defaultMode') as HandlingMode, slaClass: v.text('slaClass'),
        slaClassByKind: c?.slaClassByKind ?? {}, departmentId: v.text('departmentId') || null, offerWindowMinutes: v.number('offerWindowMinutes'),
        surgeMinCount: v.number('surgeMinCount'), surgeWindowMinutes: v.number('surgeWindowMinutes'), surgePValue: v.number('surgePValue'),
      });
      await this.done(tx(c ? 'category.saved' : 'category.created', { id }));
    }));
  }

  private slaForm(catalog: AdminCatalog, s: AdminSlaClass | null): HTMLFormElement {
    const fields: FieldSpec[] = [
      ...(s ? [] : [{ name: 'id', label: 'admin.sla.id', kind: 'text', maxlength: 64, hint: 'admin.idHint' } satisfies FieldSpec]),
      { name: 'acknowledgeWithinMinutes', label: 'admin.sla.acknowledge', kind: 'number', value: s?.acknowledgeWithinMinutes ?? 30, min: 1 },
      { name: 'resolveWithinMinutes', label: 'admin.sla.resolve', kind: 'number', value: s?.resolveWithinMinutes ?? 1440, min: 1 },
    ];
    return recordForm(s ? `sla-edit-${s.id}` : 'sla-new', fields, s ? 'admin.save' : 'admin.sla.create', guard(this.ctx, async (v) => {
      const id = s?.id ?? v.text('id');
      if (!id) throw new InputError('id', tx('required'));
      await saveSlaClass(this.ctx.session.token, catalog.countyId, id, {
        acknowledgeWithinMinutes: v.number('acknowledgeWithinMinutes'), resolveWithinMinutes: v.number('resolveWithinMinutes'),
      });
      await this.done(tx(s ? 'sla.saved' : 'sla.created', { id }));
    }));
  }

  private categoryRow(catalog: AdminCatalog, c: AdminCategory): HTMLTableRowElement {
    return h('tr', { 'data-category-id': c.id },
      h('td', {}, h('strong', {}, c.name), ' ', h('span', { class: 'muted' }, c.nameEn), h('br'), h('small', { class: 'muted' }, c.id)),
      h('td', {}, modeText(c.defaultMode)),
      h('td', { 'data-sla-class': c.slaClass }, c.slaClass),
      h('td', {}, c.departmentId ?? ''),
      h('td', {}, tx('minutes', { n: c.offerWindowMinutes })),
      h('td', { 'data-surge': '' }, t('surge.admin.rule', { n: c.surgeMinCount, minutes: c.surgeWindowMinutes, p: c.surgePValue })),
      h('td', {}, h('details', { class: 'fold', 'data-details': 'edit' }, h('summary', {}, tx('edit')), this.categoryForm(catalog, c))),
    );
  }

  private slaRow(catalog: AdminCatalog, s: AdminSlaClass): HTMLTableRowElement {
    return h('tr', { 'data-sla-class': s.id },
      h('td', {}, h('strong', {}, s.id)),
      h('td', {}, tx('minutes', { n: s.acknowledgeWithinMinutes })),
      h('td', {}, tx('minutes', { n: s.resolveWithinMinutes })),
      h('td', {}, h('details', { class: 'fold', 'data-details': 'edit' }, h('summary', {}, tx('edit')), this.slaForm(catalog, s))),
    );
  }

  private async done(text: string): Promise<void> {
    this.ctx.changed();
    await this.ctx.reloadWorld();
    this.say(text);
  }
}
