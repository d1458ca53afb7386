import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api';
import { casePointLine, locate, locatePlace, pointToSend, POSITION_OPTIONS, type GeoPoint, type LocatedPlace } from '../lib/locate';

const here: GeoPoint = { latitude: 35.72526, longitude: 116.48492 };

/** A browser's geolocation that answers the position, or fails with a GeolocationPositionError code. */
function geolocation(answer: GeoPoint | 1 | 2 | 3): Geolocation & { asked: PositionOptions[] } {
  const asked: PositionOptions[] = [];
  return {
    asked,
    getCurrentPosition: (ok: PositionCallback, fail?: PositionErrorCallback | null, options?: PositionOptions) => {
      asked.push(options ?? {});
      if (typeof answer === 'number') fail?.({ code: answer, message: '', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as GeolocationPositionError);
      else ok({ coords: { latitude: answer.latitude, longitude: answer.longitude }, timestamp: 0 } as GeolocationPosition);
    },
    watchPosition: () => 0,
    clearWatch: () => undefined,
  } as Geolocation & { asked: PositionOptions[] };
}

describe('locate', () => {
  it('finds the compound and building at the phone\'s position and keeps the point', async () => {
    const ask = vi.fn(async (): Promise<LocatedPlace> => ({ compound: 'huiqian-xinyuan', building: 'B' }));

    const outcome = await locate('ximen', geolocation(here), ask);

    expect(outcome).toEqual({ kind: 'found', compound: 'huiqian-xinyuan', building: 'B', point: here });
    expect(ask).toHaveBeenCalledWith('ximen', here);
  });

  it('asks the browser once, for a fresh and precise fix', async () => {
    const browser = geolocation(here);
    await locate('ximen', browser, async () => ({ compound: 'x', building: null }));
    expect(browser.asked).toEqual([POSITION_OPTIONS]);
  });

  it('says the compound without a building when none is near', async () => {
    expect(await locate('ximen', geolocation(here), async () => ({ compound: 'wenmiao-huayuan', building: null })))
      .toEqual({ kind: 'found', compound: 'wenmiao-huayuan', building: null, point: here });
  });

  it('says outside when the gateway finds no compound there', async () => {
    const refuse = async (): Promise<LocatedPlace> => {
      throw new ApiError(422, { code: 'location-outside-community', args: { field: 'lat,long', communityId: 'ximen' } });
    };
    expect(await locate('ximen', geolocation(here), refuse)).toEqual({ kind: 'outside' });
  });

  it('says denied when the resident refuses, and asks the gateway nothing', async () => {
    const ask = vi.fn();
    expect(await locate('ximen', geolocation(1), ask)).toEqual({ kind: 'denied' });
    expect(ask).not.toHaveBeenCalled();
  });

  it('says unavailable when the phone finds no position, takes too long, or has no geolocation', async () => {
    const ask = vi.fn();
    expect(await locate('ximen', geolocation(2), ask)).toEqual({ kind: 'unavailable' });
    expect(await locate('ximen', geolocation(3), ask)).toEqual({ kind: 'unavailable' });
    expect(await locate('ximen', undefined, ask)).toEqual({ kind: 'unavailable' });
    expect(ask).not.toHaveBeenCalled();
  });

  it('says failed, with the error, when the gateway cannot be reached', async () => {
    const offline = new ApiError(0, null, 'Network error');
    const outcome = await locate('ximen', geolocation(here), async () => { throw offline; });
    expect(outcome).toEqual({ kind: 'failed', error: offline });
  });
});

describe('locatePlace', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks the locate route with lat and long', async () => {
    const fetch = vi.fn(async (_url: string) => new Response(JSON.stringify({ compound: 'c', building: null }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);

    expect(await locatePlace('ximen', here)).toEqual({ compound: 'c', building: null });
    expect(fetch.mock.calls[0]?.[0]).toBe('/api/v1/communities/ximen/places/locate?lat=35.72526&long=116.48492');
  });
});

describe('pointToSend', () => {
  const found = { kind: 'found', compound: 'huiqian-xinyuan', building: 'B', point: here } as const;

  it('sends the point while the compound found there is the one chosen', () => {
    expect(pointToSend(found, 'huiqian-xinyuan')).toEqual(here);
  });

  it('sends no point once the resident chose another compound', () => {
    expect(pointToSend(found, 'wenmiao-huayuan')).toBeNull();
  });

  it('sends no point when the button was not used or found nothing', () => {
    expect(pointToSend(null, 'huiqian-xinyuan')).toBeNull();
    expect(pointToSend({ kind: 'outside' }, 'huiqian-xinyuan')).toBeNull();
    expect(pointToSend({ kind: 'denied' }, 'huiqian-xinyuan')).toBeNull();
  });
});

describe('casePointLine', () => {
  it('shows staff where the resident\'s phone was, to about a metre', () => {
    const line = casePointLine({ compound: 'huiqian-xinyuan', building: 'B', unit: null, point: here });
    expect(line?.textContent).toBe('居民提交时的手机定位：35.72526, 116.48492');
    expect(line?.dataset['point']).toBe('35.72526,116.48492');
  });

  it('shows nothing for a case submitted without a point', () => {
    expect(casePointLine({ compound: 'huiqian-xinyuan', building: 'B', unit: null })).toBeNull();
  });
});
