import { describe, expect, it } from 'vitest';
import { eventPhotos, isPhotoPath } from '../lib/photos';

const resident = '/api/v1/photos/0123456789abcdef0123456789abcdef.jpg';
const cadre = '/api/v1/cases/abc/photos/fedcba9876543210fedcba9876543210.webp';

describe('eventPhotos', () => {
  it('shows the photos an event carries, in order', () => {
    expect(eventPhotos({ type: 'submitted', reference: null, photos: [resident, cadre] })).toEqual([resident, cadre]);
  });

  it('shows the one photo a resolution before issue 14 kept in its reference', () => {
    expect(eventPhotos({ type: 'resolved', reference: cadre, photos: null })).toEqual([cadre]);
  });

  it('never turns a link to another site, or a consultation id, into an image', () => {
    expect(eventPhotos({ type: 'resolved', reference: 'https://example.com/p.jpg', photos: null })).toEqual([]);
    expect(eventPhotos({ type: 'resolved', reference: 'consultation-1', photos: null })).toEqual([]);
    expect(eventPhotos({ type: 'submitted', reference: null, photos: ['//evil.example/x.jpg', 'javascript:alert(1)'] })).toEqual([]);
  });
});

describe('isPhotoPath', () => {
  it('takes only the gateway photo routes with an unguessable name', () => {
    expect(isPhotoPath(resident)).toBe(true);
    expect(isPhotoPath('/api/v1/photos/1.jpg')).toBe(false);
    expect(isPhotoPath('/api/v1/photos/../track/x')).toBe(false);
  });
});
