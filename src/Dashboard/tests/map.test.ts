// The map's logic: where a case goes (its own point, its building, its compound's centre), that
// cases on one spot stay apart, the lateness colour of each marker, the tile option, and the
// address that remembers the map.
import { describe, expect, it } from 'vitest';
import { centroid, latenessOf, markersFor, PlaceIndex, spread, type PlacesCollection } from '../lib/map-places';
import { tileSource } from '../lib/map-settings';
import { mapInUrl, urlWithMap } from '../pages/map/map-view';
import { kase } from './fixtures';

const PLACES: PlacesCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature', properties: { kind: 'compound', compound: 'ximen-xiaoqu', name: '西门小区', nameEn: 'Ximen Compound' },
      geometry: { type: 'Polygon', coordinates: [[[116.0, 35.0], [116.002, 35.0], [116.002, 35.002], [116.0, 35.002], [116.0, 35.0]]] },
    },
    { type: 'Feature', properties: { kind: 'building', compound: 'ximen-xiaoqu', building: '61' }, geometry: { type: 'Point', coordinates: [116.0005, 35.0015] } },
  ],
};
const places = new Map([['ximen', new PlaceIndex('ximen', PLACES)]]);
const NOW = Date.parse('2026-11-27T03:00:00Z');
const at = (compound: string, building: string | null = null, point?: { latitude: number; longitude: number }) =>
  ({ compound, building, unit: null, ...(point ? { point } : {}) });

describe('where a case goes on the map', () => {
  it('puts a case with its own point there, one with a building at the building, else at the compound centre', () => {
    const [own, building, compound] = markersFor([
      kase({ caseId: 'c-1', location: at('ximen-xiaoqu', '61', { latitude: 35.0011, longitude: 116.0012 }) }),
      kase({ caseId: 'c-2', location: at('ximen-xiaoqu', '61') }),
      kase({ caseId: 'c-3', location: at('ximen-xiaoqu') }),
    ], places, NOW);
    expect(own!.at).toEqual([35.0011, 116.0012]);
    expect(building!.at).toEqual([35.0015, 116.0005]);
    expect(compound!.at[0]).toBeCloseTo(35.001, 9);
    expect(compound!.at[1]).toBeCloseTo(116.001, 9);
  });

  it('leaves out a case whose compound or community is not on the map', () => {
    const specs = markersFor([kase({ location: at('nowhere') }), kase({ caseId: 'c-9', communityId: 'other', location: at('ximen-xiaoqu') })], places, NOW);
    expect(specs).toEqual([]);
  });

  it('keeps cases on one spot apart, each at a different offset, in the same order on every draw', () => {
    const cases = ['c-3', 'c-1', 'c-2'].map((caseId) => kase({ caseId, location: at('ximen-xiaoqu', '61') }));
    const specs = markersFor(cases, places, NOW);
    expect(specs.map((s) => s.caseId)).toEqual(['c-1', 'c-2', 'c-3']);
    expect(new Set(specs.map((s) => s.offset.join(','))).size).toBe(3);
    expect(specs[0]!.offset).toEqual([0, 0]);
    expect(markersFor([...cases].reverse(), places, NOW)).toEqual(specs);
  });

  it('spreads many markers so no two overlap', () => {
    const offsets = spread(12);
    for (let i = 0; i < offsets.length; i++) {
      for (let j = i + 1; j < offsets.length; j++) {
        expect(Math.hypot(offsets[i]![0] - offsets[j]![0], offsets[i]![1] - offsets[j]![1])).toBeGreaterThanOrEqual(8);
      }
    }
  });

  it('finds the centre of an L-shaped compound inside its bulk', () => {
    const [lat, lng] = centroid([[0, 0], [0, 2], [1, 2], [1, 1], [2, 1], [2, 0], [0, 0]]);
    expect(lat).toBeCloseTo(5 / 6, 9);
    expect(lng).toBeCloseTo(5 / 6, 9);
  });
});

describe('how late a marker looks', () => {
  const deadlines = (acknowledgeBy: string) => ({ offerExpiresAt: null, acknowledgeBy, resolveBy: '2026-11-30T00:00:00Z', rateBy: null });

  it('is red once the deadline that matters has passed, amber within the hour, ok before', () => {
    expect(latenessOf(kase({ status: 'accepted', deadlines: deadlines('2026-11-27T02:00:00Z') }), NOW)).toBe('red');
    expect(latenessOf(kase({ status: 'accepted', deadlines: deadlines('2026-11-27T03:30:00Z') }), NOW)).toBe('amber');
    expect(latenessOf(kase({ status: 'accepted', deadlines: deadlines('2026-11-27T09:00:00Z') }), NOW)).toBe('ok');
  });

  it('follows the resolve deadline once acknowledged, as the card does', () => {
    const c = kase({ status: 'acknowledged', deadlines: { offerExpiresAt: null, acknowledgeBy: '2026-11-27T02:00:00Z', resolveBy: '2026-11-28T00:00:00Z', rateBy: null } });
    expect(latenessOf(c, NOW)).toBe('ok');
    expect(markersFor([{ ...c, location: at('ximen-xiaoqu') }], places, Date.parse('2026-11-28T01:00:00Z'))[0]!.lateness).toBe('red');
  });

  it('is none without a deadline', () => {
    expect(latenessOf(kase({ status: 'accepted', deadlines: { offerExpiresAt: null, acknowledgeBy: null, resolveBy: null, rateBy: null } }), NOW)).toBe('none');
  });

  it('carries the level, so an escalated case is drawn as one', () => {
    expect(markersFor([kase({ level: 'subdistrict', location: at('ximen-xiaoqu') })], places, NOW)[0]!.level).toBe('subdistrict');
  });
});

describe('the tile source from configuration', () => {
  it('draws no tiles when none is configured', () => {
    expect(tileSource(null)).toBeNull();
    expect(tileSource({ tileUrl: null, tileAttribution: null })).toBeNull();
    expect(tileSource({ tileUrl: '   ', tileAttribution: 'x' })).toBeNull();
  });

  it('takes an http(s) template with {z}, {x} and {y}, and escapes the attribution Leaflet will put in as HTML', () => {
    expect(tileSource({ tileUrl: ' https://{s}.tiles.example.org/{z}/{x}/{y}.png ', tileAttribution: '© <b>Tiles</b> & co' })).toEqual({
      url: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png', attributionHtml: '© &lt;b&gt;Tiles&lt;/b&gt; &amp; co',
    });
  });

  it('refuses what is not a tile template', () => {
    expect(tileSource({ tileUrl: 'javascript:alert(1)//{z}{x}{y}' })).toBeNull();
    expect(tileSource({ tileUrl: 'https://tiles.example.org/{z}/{x}.png' })).toBeNull();
  });
});

describe('the map in the address', () => {
  it('is on with ?view=map and keeps the other parameters when switched', () => {
    expect(mapInUrl('?scope=sd-1&view=map')).toBe(true);
    expect(mapInUrl('?scope=sd-1')).toBe(false);
    expect(urlWithMap('http://x.test/board?community=ximen#top', true)).toBe('/board?community=ximen&view=map#top');
    expect(urlWithMap('http://x.test/board?view=map&community=ximen', false)).toBe('/board?community=ximen');
  });
});
