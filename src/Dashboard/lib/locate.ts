// "Use my location" on the submit page: the phone's position (the browser asks the resident's consent),
// matched by the gateway to a compound and building of the community, as a suggestion the resident may change.
import { ApiError, request } from './api';
import { h } from './dom';
import { t } from './i18n';
import type { Answer, CaseLocation } from './types';

export type LocatedPlace = Answer<'/api/v1/communities/{communityId}/places/locate'>;
export type GeoPoint = NonNullable<CaseLocation['point']>;

/** What came of asking: the place found, or why there is none. */
export type LocateOutcome =
  | { kind: 'found'; compound: string; building: string | null; point: GeoPoint }
  | { kind: 'outside' }
  | { kind: 'denied' }
  | { kind: 'unavailable' }
  | { kind: 'failed'; error: unknown };

/** A fix of the last minute will do; a phone that finds none in 15 s has none to give. */
export const POSITION_OPTIONS: PositionOptions = { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 };

/** The permission-denied code of GeolocationPositionError (1); 2 is no position, 3 a timeout. */
const PERMISSION_DENIED = 1;

export const locatePlace = (communityId: string, point: GeoPoint): Promise<LocatedPlace> =>
  request<LocatedPlace>(`/api/v1/communities/${encodeURIComponent(communityId)}/places/locate`
    + `?lat=${encodeURIComponent(point.latitude)}&long=${encodeURIComponent(point.longitude)}`);

/** The phone's position, or the outcome that there is none (no geolocation, refused, not found in time). */
export function currentPoint(geolocation: Geolocation | undefined): Promise<GeoPoint | LocateOutcome> {
  if (!geolocation) return Promise.resolve({ kind: 'unavailable' });
  return new Promise((resolve) => {
    geolocation.getCurrentPosition(
      (position) => resolve({ latitude: position.coords.latitude, longitude: position.coords.longitude }),
      (error) => resolve({ kind: error.code === PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      POSITION_OPTIONS,
    );
  });
}

/** Asks for the position, then which compound and building of the community lie there. */
export async function locate(
  communityId: string,
  geolocation: Geolocation | undefined,
  ask: (communityId: string, point: GeoPoint) => Promise<LocatedPlace> = locatePlace,
): Promise<LocateOutcome> {
  const position = await currentPoint(geolocation);
  if ('kind' in position) return position;
  try {
    const place = await ask(communityId, position);
    return { kind: 'found', compound: place.compound, building: place.building ?? null, point: position };
  } catch (error) {
    if (error instanceof ApiError && error.status === 422) return { kind: 'outside' };
    return { kind: 'failed', error };
  }
}

/**
 * The point to send with the submission: only one found by "use my location", and only while the chosen compound is
 * still the one found there (a resident who picks another compound reports a place the point does not show).
 */
export function pointToSend(outcome: LocateOutcome | null, chosenCompound: string): GeoPoint | null {
  return outcome?.kind === 'found' && outcome.compound === chosenCompound ? outcome.point : null;
}

/** A point as staff read it: latitude, longitude in degrees to 5 places (about a metre). */
export function pointText(point: GeoPoint): string {
  return `${point.latitude.toFixed(5)}, ${point.longitude.toFixed(5)}`;
}

/** The line of a case's details saying where the resident's phone was, or null for a case without a point. */
export function casePointLine(location: CaseLocation | null | undefined): HTMLElement | null {
  const point = location?.point;
  return point ? h('p', { class: 'case-point', 'data-point': `${point.latitude},${point.longitude}` }, t('places.point', { point: pointText(point) })) : null;
}
