// The Leaflet map itself, loaded only when a page first shows its map (a dynamic import), so the
// pages' first load carries none of it. Draws the compounds' outlines with their names, an
// optional tile layer under them, and one marker per case; a marker opens its case by click,
// Enter or Space. Leaflet's CSS is bundled with this chunk (no CDN).
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { CompoundOutline, LatLng, MarkerSpec } from '../../lib/map-places';
import type { TileSource } from '../../lib/map-settings';

const MARKER_PX = 18;

export class CaseMap {
  private readonly map: L.Map;
  private readonly outlines = L.layerGroup();
  private readonly markers = new Map<string, L.Marker>();
  private fitted = false;
  private bounds: L.LatLngBounds | null = null;

  /** `open` is called with a case id when its marker is chosen. */
  constructor(container: HTMLElement, tiles: TileSource | null, private readonly open: (caseId: string) => void) {
    this.map = L.map(container, { attributionControl: false, zoomSnap: 0.5 }).setView([35.727, 116.487], 15);
    if (tiles) {
      L.control.attribution({ prefix: false }).addTo(this.map);
      L.tileLayer(tiles.url, { attribution: tiles.attributionHtml, maxZoom: 19 }).addTo(this.map);
    }
    this.outlines.addTo(this.map);
    // The map may be made while its page is still hidden (a size of 0): measure again, and fit, once it has a size.
    new ResizeObserver(() => {
      this.map.invalidateSize();
      this.fit();
    }).observe(container);
  }

  /** Draw these compounds (replacing those drawn), named in the page's language; the first time, fit the view to them. */
  setOutlines(outlines: readonly CompoundOutline[], nameOf: (o: CompoundOutline) => string): void {
    this.outlines.clearLayers();
    for (const o of outlines) {
      const label = document.createElement('span');
      label.textContent = nameOf(o);
      const polygon = L.polygon(o.ring, { className: 'map-compound', interactive: false }).addTo(this.outlines);
      // The name along the top edge, where it does not sit under the markers at the compound's centre.
      const box = polygon.getBounds();
      L.tooltip({ permanent: true, direction: 'bottom', className: 'map-compound-name', offset: [0, 0] })
        .setLatLng([box.getNorth(), o.centre[1]]).setContent(label).addTo(this.outlines);
    }
    if (outlines.length > 0) this.bounds = L.latLngBounds(outlines.flatMap((o) => o.ring));
    this.fit();
  }

  /** Show every outline, once, as soon as the map has a size. */
  private fit(): void {
    const size = this.map.getSize();
    if (this.fitted || !this.bounds || size.x === 0 || size.y === 0) return;
    this.map.fitBounds(this.bounds, { padding: [16, 16] });
    this.fitted = true;
  }

  /** Show exactly these markers; `label` names a case for a screen reader and the hover title. */
  setMarkers(specs: readonly MarkerSpec[], label: (spec: MarkerSpec) => string): void {
    const keep = new Set(specs.map((s) => s.caseId));
    for (const [id, marker] of this.markers) {
      if (!keep.has(id)) {
        marker.remove();
        this.markers.delete(id);
      }
    }
    for (const spec of specs) {
      let marker = this.markers.get(spec.caseId);
      const icon = iconFor(spec.offset);
      if (!marker) {
        marker = L.marker(spec.at as LatLng, { icon, keyboard: true, riseOnHover: true }).addTo(this.map);
        const id = spec.caseId;
        marker.on('click', () => this.open(id));
        marker.on('keypress', (e: L.LeafletKeyboardEvent) => {
          if (e.originalEvent.key === 'Enter' || e.originalEvent.key === ' ') {
            e.originalEvent.preventDefault();
            this.open(id);
          }
        });
        this.markers.set(spec.caseId, marker);
      } else {
        marker.setLatLng(spec.at as LatLng);
        if (!sameOffset(marker, spec.offset)) marker.setIcon(icon);
      }
      const el = marker.getElement();
      if (!el) continue;
      const text = label(spec);
      Object.assign(el.dataset, { caseId: spec.caseId, status: spec.status, level: spec.level, deadlineState: spec.lateness });
      el.setAttribute('aria-label', text);
      el.title = text;
    }
  }

}

function iconFor(offset: [number, number]): L.DivIcon {
  const half = MARKER_PX / 2;
  return L.divIcon({ className: 'map-marker', html: '', iconSize: [MARKER_PX, MARKER_PX], iconAnchor: [half - offset[0], half - offset[1]] });
}

function sameOffset(marker: L.Marker, offset: [number, number]): boolean {
  const anchor = (marker.options.icon?.options.iconAnchor ?? [0, 0]) as [number, number];
  const half = MARKER_PX / 2;
  return anchor[0] === half - offset[0] && anchor[1] === half - offset[1];
}
