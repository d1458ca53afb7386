// /admin — the county's administrators: staff accounts; a community's cadres (categories, shifts,
// volunteer flag) and standing parties; the county's categories with their SLA classes; the Open311
// clients and their api_keys; the day's audit log; the way to the Orleans Dashboard. Every change goes
// through the admin API, which audits it. This file wires the panels in pages/admin/; every text comes
// from locales/{zh,en}/admin.json (the Open311 clients' from open311Clients.json).
import { getWorld } from '../lib/admin-api';
import { describeError } from '../lib/api';
import { byId, h, setMessage } from '../lib/dom';
import { locale, onLocaleChange, translateDocument } from '../lib/i18n';
import { StaffSession } from '../lib/session';
import type { AdminCommunity } from '../lib/types';
import { AccountsPanel } from './admin/accounts';
import { AuditPanel } from './admin/audit';
import { CadresPanel } from './admin/cadres';
import { CatalogPanel } from './admin/catalog';
import { tx, type AdminContext } from './admin/context';
import { Open311ClientsPanel } from './admin/open311-clients';
import { OpsPanel } from './admin/ops';
import { PartiesPanel } from './admin/parties';

const pageMessage = byId('page-message');
const section = byId('admin-section');
const communitySelect = byId<HTMLSelectElement>('admin-community');
const session = new StaffSession({ expiredKey: 'admin.expired', signin: byId('signin'), section, pageMessage });

const ctx: AdminContext = {
  session,
  world: null,
  reloadWorld: loadWorld,
  changed: () => void audit.load(),
};
const community = (): AdminCommunity | null => ctx.world?.communities.find((c) => c.id === communitySelect.value) ?? null;
const communityMessage = byId('community-message');
const accounts = new AccountsPanel(ctx);
const cadres = new CadresPanel(ctx, community, (text, kind = 'ok') => setMessage(communityMessage, text, kind));
const parties = new PartiesPanel(ctx, community, (text) => setMessage(communityMessage, text, 'ok'));
const catalog = new CatalogPanel(ctx, (text) => setMessage(byId('catalog-message'), text, 'ok'));
const audit = new AuditPanel(ctx);
const open311 = new Open311ClientsPanel(ctx);
new OpsPanel(ctx);

session.mountHeader();
translateDocument();
onLocaleChange(() => {
  translateDocument();
  if (!section.hidden) renderAll();
});

if (session.current) void init();

async function init(): Promise<void> {
  if (session.current?.claims.role !== 'admin') {
    setMessage(pageMessage, tx('notAdmin'), 'error');
    return;
  }
  communitySelect.addEventListener('change', () => {
    setMessage(communityMessage, null);
    cadres.render();
    parties.render();
  });
  section.hidden = false;
  await Promise.all([loadWorld(), accounts.load(), open311.load(), audit.load()]);
}

async function loadWorld(): Promise<void> {
  try {
    ctx.world = await getWorld(session.token);
    renderAll();
  } catch (err) {
    if (!session.handleAuthError(err)) setMessage(pageMessage, describeError(err), 'error');
  }
}

function renderAll(): void {
  renderCommunities();
  accounts.render();
  cadres.render();
  parties.render();
  catalog.render();
  open311.render();
  audit.render();
}

function renderCommunities(): void {
  const chosen = communitySelect.value;
  communitySelect.replaceChildren(...(ctx.world?.communities ?? []).map((c) =>
    h('option', { value: c.id, selected: c.id === chosen }, locale() === 'en' ? c.nameEn || c.name : c.name)));
}
