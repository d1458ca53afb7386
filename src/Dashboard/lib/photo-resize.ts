// A photo made small on the phone before it is sent: its longest side at most MAX_SIDE px, as a
// JPEG of quality JPEG_QUALITY, turned upright as its EXIF orientation says (createImageBitmap
// with imageOrientation 'from-image' applies it, so the pixels sent need no EXIF). The server
// checks the bytes again; this only spares the resident's data plan and the store.

/** The longest side a sent photo may have. */
export const MAX_SIDE = 1600;
export const JPEG_QUALITY = 0.8;
/** At most this many photos go with a submission, and with a resolution. */
export const MAX_PHOTOS = 3;

/** The size to draw an image at: the same when it fits, else scaled down to `maxSide`, keeping its shape (at least 1 px). */
export function fitWithin(width: number, height: number, maxSide = MAX_SIDE): { width: number; height: number } {
  if (!(width > 0) || !(height > 0)) throw new RangeError(`Not an image size: ${width}×${height}`);
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** How many of `chosen` new files may still be added next to `have` photos, within MAX_PHOTOS. */
export function roomFor(have: number, chosen: number, max = MAX_PHOTOS): number {
  return Math.max(0, Math.min(chosen, max - have));
}

/** The photo upright, at most MAX_SIDE px on its longest side, as a JPEG; rejects when the browser cannot decode it. */
export async function resizePhoto(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas');
    // A transparent PNG becomes a JPEG on white, not on black.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The photo could not be encoded'))), 'image/jpeg', JPEG_QUALITY));
  } finally {
    bitmap.close();
  }
}
