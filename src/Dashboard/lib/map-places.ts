// Where each case goes on the map, and how it looks there. Pure: no Leaflet, no DOM.
// A case sits at its own point (the resident's phone or an Open311 client gave one), else at its
// building's point, else at its compound's centre, all from the community's places GeoJSON
// (GET /api/v1/communities/{id}/places). Cases on one spot are spread on a small spiral of pixel
// offsets, so each stays a marker of its own at every zoom.
import { countdown, type CountdownState } from './countdown';
import { relevantDeadline, type DeadlineSubject } from './deadlines';
import type { CaseLocation, CaseStatus } from './types';

/** [latitude, longitude], as Leaflet takes it (GeoJSON's positions are the other way round). */
export type LatLng = [number, number];

interface Feature<G, P> { type: 'Feature'; geometry: G; properties: P }
export type CompoundFeature = Feature<{ type: 'Polygon'; coordinates: number[][][] }, { kind: 'compound'; compound: string; name: string; nameEn?: string }>;
export type BuildingFeature = Feature<{ type: 'Point'; coordinates: number[] }, { kind: 'building'; compound: string; building: string }>;
export interface PlacesCollection { type: 'FeatureCollection'; features: (CompoundFeature | BuildingFeature)[] }

export interface CompoundOutline {
  communityId: string;
  compound: string;
  name: string;
  nameEn: string | null;
  ring: LatLng[];
  centre: LatLng;
}

const toLatLng = (position: readonly number[]): LatLng => [position[1] ?? 0, position[0] ?? 0];

/** The centroid of a ring (planar: a compound is a few hundred metres across), worked out relative to its first vertex to keep precision. */
export function centroid(ring: readonly LatLng[]): LatLng {
  const [oy, ox] = ring[0] ?? [0, 0];
  let area = 0, lat = 0, lng = 0;
  for (let i = 0; i < ring.length; i++) {
    const [y1, x1] = ring[i]!;
    const [y2, x2] = ring[(i + 1) % ring.length]!;
    const [ay, ax, by, bx] = [y1 - oy, x1 - ox, y2 - oy, x2 - ox];
    const cross = ax * by - bx * ay;
    area += cross;
    lng += (ax + bx) * cross;
    lat += (ay + by) * cross;
  }
  if (Math.abs(area) < 1e-18) {
    const n = Math.max(ring.length, 1);
    return [ring.reduce((s, p) => s + p[0], 0) / n, ring.reduce((s, p) => s + p[1], 0) / n];
  }
  return [oy + lat / (3 * area), ox + lng / (3 * area)];
}

/** One community's places, looked up by compound and building. */
export class PlaceIndex {
  readonly outlines: CompoundOutline[] = [];
  private readonly buildings = new Map<string, LatLng>();

  constructor(readonly communityId: string, places: PlacesCollection) {
    for (const f of places.features ?? []) {
      if (f.properties?.kind === 'compound' && f.geometry?.type === 'Polygon') {
        const ring = (f.geometry.coordinates[0] ?? []).map(toLatLng);
        const p = f.properties;
        this.outlines.push({ communityId, compound: p.compound, name: p.name, nameEn: p.nameEn ?? null, ring, centre: centroid(ring) });
      } else if (f.properties?.kind === 'building' && f.geometry?.type === 'Point') {
        this.buildings.set(`${f.properties.compound}|${f.properties.building}`, toLatLng(f.geometry.coordinates));
      }
    }
  }

  /** The case's own point, else its building's, else its compound's centre; null when the compound is not on the map. */
  spotOf(location: CaseLocation | null | undefined): LatLng | null {
    if (!location) return null;
    const point = (location as { point?: { latitude: number; longitude: number } | null }).point;
    if (point && Number.isFinite(point.latitude) && Number.isFinite(point.longitude)) return [point.latitude, point.longitude];
    const building = location.building ? this.buildings.get(`${location.compound}|${location.building}`) : undefined;
    return building ?? this.outlines.find((o) => o.compound === location.compound)?.centre ?? null;
  }
}

/** Pixel offsets for `n` markers on one spot: the first on it, the rest on a spiral around it (golden angle). */
export function spread(n: number, step = 12): [number, number][] {
  const golden = Math.PI * (3 - Math.sqrt(5));
  return Array.from({ length: n }, (_, i) => {
    if (i === 0) return [0, 0] as [number, number];
    const r = step * Math.sqrt(i);
    return [Math.round(r * Math.cos(i * golden)), Math.round(r * Math.sin(i * golden))] as [number, number];
  });
}

/** How late a case is: its relevant deadline's countdown colour (as the board's cards show it), `none` without one. */
export type Lateness = CountdownState | 'none';

export function latenessOf(c: DeadlineSubject, now: number): Lateness {
  const deadline = relevantDeadline(c);
  if (!deadline) return 'none';
  return countdown(deadline.at, now, deadline.windowStart)?.state ?? 'none';
}

export interface MappableCase extends DeadlineSubject {
  caseId: string;
  communityId: string;
  category: string;
  status: CaseStatus;
  level?: string | null;
  location: CaseLocation;
}

export interface MarkerSpec {
  caseId: string;
  at: LatLng;
  /** Pixels from `at`, so cases on one spot stay apart. */
  offset: [number, number];
  status: CaseStatus;
  level: string;
  lateness: Lateness;
}

/** The markers of `cases` (in case-id order on each spot, so a redraw does not shuffle them); cases with no spot are left out. */
export function markersFor(cases: readonly MappableCase[], places: ReadonlyMap<string, PlaceIndex>, now: number): MarkerSpec[] {
  const bySpot = new Map<string, { at: LatLng; cases: MappableCase[] }>();
  for (const c of [...cases].sort((a, b) => a.caseId.localeCompare(b.caseId))) {
    const at = places.get(c.communityId)?.spotOf(c.location);
    if (!at) continue;
    const key = `${at[0].toFixed(6)},${at[1].toFixed(6)}`;
    const group = bySpot.get(key) ?? { at, cases: [] };
    group.cases.push(c);
    bySpot.set(key, group);
  }
  return [...bySpot.values()].flatMap(({ at, cases: here }) => {
    const offsets = spread(here.length);
    return here.map((c, i) => ({
      caseId: c.caseId, at, offset: offsets[i]!, status: c.status, level: c.level ?? 'community', lateness: latenessOf(c, now),
    }));
  });
}
