import { describe, expect, it } from 'vitest';
import { MAX_SIDE, fitWithin, roomFor } from '../lib/photo-resize';

describe('fitWithin', () => {
  it('leaves a photo that fits as it is', () => {
    expect(fitWithin(1200, 900)).toEqual({ width: 1200, height: 900 });
    expect(fitWithin(MAX_SIDE, 10)).toEqual({ width: MAX_SIDE, height: 10 });
  });

  it('scales a landscape phone photo down to 1600 px wide, keeping its shape', () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: 1600, height: 1200 });
  });

  it('scales a portrait photo by its height', () => {
    expect(fitWithin(3024, 4032)).toEqual({ width: 1200, height: 1600 });
  });

  it('never gives a side of 0 px for a very long thin image', () => {
    expect(fitWithin(40000, 10)).toEqual({ width: 1600, height: 1 });
  });

  it('refuses a size that is no image', () => {
    expect(() => fitWithin(0, 100)).toThrow(RangeError);
    expect(() => fitWithin(Number.NaN, 100)).toThrow(RangeError);
  });
});

describe('roomFor', () => {
  it('takes what still fits within three photos', () => {
    expect(roomFor(0, 2)).toBe(2);
    expect(roomFor(2, 2)).toBe(1);
    expect(roomFor(3, 1)).toBe(0);
    expect(roomFor(0, 5)).toBe(3);
  });
});
