// Display names for a community's category and compound ids (from the public community
// endpoint). Falls back to the raw id when the community cannot be loaded.
import { getCommunity } from './api';
import { locale, t } from './i18n';
import type { CaseLocation, Community } from './types';

export class CommunityNames {
  private community: Community | null = null;
  private loading: Promise<void> | null = null;

  /** Load once per page; later calls reuse the result. Never throws. */
  load(communityId: string): Promise<void> {
    this.loading ??= getCommunity(communityId)
      .then((c) => { this.community = c; })
      .catch(() => { this.loading = null; });
    return this.loading;
  }

  get name(): string | null {
    return this.community?.name ?? null;
  }

  get nameEn(): string | null {
    return this.community?.nameEn ?? null;
  }

  get loaded(): boolean {
    return this.community !== null;
  }

  get countyId(): string | null {
    return this.community?.countyId ?? null;
  }

  get subdistrictId(): string | null {
    return this.community?.subdistrictId ?? null;
  }

  category(id: string): string {
    const category = this.community?.categories.find((c) => c.id === id);
    if (!category) return id;
    return locale() === 'en' ? category.nameEn || category.name : category.name;
  }

  compound(id: string): string {
    const compound = this.community?.compounds.find((c) => c.id === id);
    if (!compound) return id;
    return locale() === 'en' ? compound.nameEn || compound.name : compound.name;
  }

  /**
   * Words for the owner of a level, in the current language (an escalated or returned case's `reference`, a case's
   * `levelOwnerId`): this community, its sub-district, its county's leader, else a department.
   * The API has no names for sub-districts and departments, so those show their ids.
   */
  owner(id: string): string {
    const c = this.community;
    if (c && id === c.id) return t('names.owner.community', { name: (locale() === 'en' ? c.nameEn || c.name : c.name) });
    if (c && id === c.subdistrictId) return t('names.owner.subdistrict', { id });
    if (c && id === c.countyId) return t('names.owner.leader');
    if (c) return t('names.owner.department', { id });
    return id;
  }

  /** Compound · building · unit, e.g. "Jishikou Jiayuan · Building 64 · 2" (names.json `building`). */
  place(location: CaseLocation | null | undefined): string {
    if (!location) return '';
    return [
      location.compound ? this.compound(location.compound) : null,
      location.building ? t('names.building', { building: location.building }) : null,
      location.unit || null,
    ].filter(Boolean).join(' · ');
  }
}
