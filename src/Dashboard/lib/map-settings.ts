// The map's tile source, from the gateway's Map:TileUrl and Map:TileAttribution
// (GET /api/v1/map/settings). None by default: the map then draws only the compounds' outlines.
import { request } from './api';

export interface MapSettings {
  tileUrl?: string | null;
  tileAttribution?: string | null;
}

export interface TileSource {
  url: string;
  /** Safe to put in Leaflet's attribution (which takes HTML): the configured text, escaped. */
  attributionHtml: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** The tile layer to draw under the outlines, or null: none configured, or not an http(s) template with {z}, {x} and {y}. */
export function tileSource(settings: MapSettings | null): TileSource | null {
  const url = settings?.tileUrl?.trim() ?? '';
  if (!/^https?:\/\//i.test(url) || !['{z}', '{x}', '{y}'].every((p) => url.includes(p))) return null;
  return { url, attributionHtml: escapeHtml(settings?.tileAttribution?.trim() ?? '') };
}

/** The deployment's settings; none (outline only) when they cannot be read. */
export async function loadMapSettings(): Promise<MapSettings | null> {
  try {
    return await request<MapSettings>('/api/v1/map/settings');
  } catch {
    return null;
  }
}
