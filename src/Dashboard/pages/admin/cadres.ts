// A community's cadres: name, the categories they take, weekly shifts, the volunteer (双报到) flag
// and how many open cases they may hold; a new cadre. Duty and load show, but are the cadre's own.
import { retireCadre, saveCadre } from '../../lib/admin-api';
import { describeError } from '../../lib/api';
import { locale } from '../../lib/i18n';
import { byId, h } from '../../lib/dom';
import type { AdminCadre, AdminCadreRequest, AdminCommunity } from '../../lib/types';
import { guard, tx, type AdminContext } from './context';
import { InputError, recordForm, type FieldSpec, type FormValues, type Option } from './form';
import { formatShifts, parseShifts } from './shifts';

export class CadresPanel {
  private readonly body = byId<HTMLTableSectionElement>('cadres-body');

  constructor(private readonly ctx: AdminContext, private readonly community: () => AdminCommunity | null, private readonly say: (text: string, kind?: 'ok' | 'error') => void) {}

  render(): void {
    const community = this.community();
    this.body.replaceChildren(...(community?.cadres ?? []).map((c) => this.row(community as AdminCommunity, c)));
    byId('cadre-create').replaceChildren(community ? this.form(community, null) : '');
  }

  private categoryOptions(community: AdminCommunity): Option[] {
    const catalog = this.ctx.world?.counties.find((c) => c.countyId === community.countyId);
    return (catalog?.categories ?? []).map((c) => ({ value: c.id, label: locale() === 'en' ? c.nameEn || c.name : c.name }));
  }

  private form(community: AdminCommunity, cadre: AdminCadre | null): HTMLFormElement {
    const fields: FieldSpec[] = [
      ...(cadre ? [] : [{ name: 'id', label: 'admin.cadre.id', kind: 'text', maxlength: 64, hint: 'admin.idHint' } satisfies FieldSpec]),
      { name: 'name', label: 'admin.cadre.name', kind: 'text', value: cadre?.name ?? '' },
      { name: 'categories', label: 'admin.cadre.categories', kind: 'checkboxes', options: this.categoryOptions(community), value: cadre?.categories ?? [] },
      { name: 'shifts', label: 'admin.cadre.shifts', kind: 'text', value: cadre ? formatShifts(cadre.shifts) : '1-5 08:30-17:30', hint: 'admin.cadre.shiftsHint', maxlength: 300 },
      { name: 'isVolunteer', label: 'admin.cadre.volunteer', kind: 'checkbox', value: cadre?.isVolunteer ?? false },
      { name: 'maxOpenCases', label: 'admin.cadre.maxOpen', kind: 'number', value: cadre?.maxOpenCases ?? 8, min: 1, max: 100 },
    ];
    const id = cadre ? `cadre-edit-${cadre.id}` : 'cadre-new';
    return recordForm(id, fields, cadre ? 'admin.save' : 'admin.cadre.create', guard(this.ctx, async (v) => {
      const cadreId = cadre?.id ?? v.text('id');
      if (!cadreId) throw new InputError('id', tx('required'));
      await saveCadre(this.ctx.session.token, community.id, cadreId, body(v));
      this.ctx.changed();
      await this.ctx.reloadWorld();
      this.say(tx(cadre ? 'cadre.saved' : 'cadre.created', { name: v.text('name') }));
    }));
  }

  private row(community: AdminCommunity, c: AdminCadre): HTMLTableRowElement {
    const options = this.categoryOptions(community);
    const names = c.categories.map((id) => options.find((o) => o.value === id)?.label ?? id);
    return h('tr', { 'data-cadre-id': c.id },
      h('td', {}, h('strong', {}, c.name), h('br'), h('small', { class: 'muted' }, c.id)),
      h('td', {}, names.join(' / ')),
      h('td', {}, formatShifts(c.shifts)),
      h('td', {}, c.isVolunteer ? tx('yes') : tx('no')),
      h('td', {}, `${c.load} / ${c.maxOpenCases}`, h('br'), h('small', { class: 'muted' }, tx(c.onDuty ? 'cadre.onDuty' : 'cadre.offDuty'))),
      h('td', { class: 'row-actions' },
        h('details', { class: 'fold', 'data-details': 'edit' }, h('summary', {}, tx('edit')), this.form(community, c)),
        this.retireButton(community, c)),
    );
  }

  private retireButton(community: AdminCommunity, c: AdminCadre): HTMLButtonElement {
    const button = h('button', { type: 'button', class: 'small secondary', 'data-action': 'retire' }, tx('cadre.retire'));
    button.addEventListener('click', () => {
      if (!window.confirm(tx('cadre.retireConfirm', { name: c.name }))) return;
      button.disabled = true;
      retireCadre(this.ctx.session.token, community.id, c.id).then(async () => {
        this.ctx.changed();
        await this.ctx.reloadWorld();
        this.say(tx('cadre.retired', { name: c.name }));
      }).catch((err: unknown) => {
        button.disabled = false;
        if (!this.ctx.session.handleAuthError(err)) this.say(describeError(err), 'error');
      });
    });
    return button;
  }
}

function body(v: FormValues): AdminCadreRequest {
  const shifts = parseShifts(v.text('shifts'));
  if (!shifts) throw new InputError('shifts', tx('cadre.shiftsInvalid'));
  return { name: v.text('name'), categories: v.all('categories'), shifts, isVolunteer: v.checked('isVolunteer'), maxOpenCases: v.number('maxOpenCases') };
}
