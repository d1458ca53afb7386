// Sending a photo's bytes: a resident's before submitting (tied to the submission's
// clientRequestId), a cadre's for a case being resolved. Refusals come back as ApiError, like
// every other call, so `describeError` words them by their refusal code.
import { ApiError } from './api';
import type { ProblemDetails } from './types';

const UPLOAD_TIMEOUT_MS = 60_000;

interface Uploaded {
  url: string;
  photo?: string;
}

async function send(path: string, photo: Blob, headers: Record<string, string>): Promise<Uploaded> {
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), UPLOAD_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { Accept: 'application/json, application/problem+json', 'Content-Type': photo.type || 'image/jpeg', ...headers },
      body: photo,
      signal: controller.signal,
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new ApiError(0, null, err instanceof Error ? err.message : String(err));
  } finally {
    window.clearTimeout(timer);
  }
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, answer && typeof answer === 'object' ? (answer as ProblemDetails) : null);
  return answer as Uploaded;
}

/** A resident's photo for the submission `clientRequestId` will make; answers its URL (whose last segment is the reference to submit). */
export async function uploadSubmissionPhoto(photo: Blob, clientRequestId: string): Promise<string> {
  return (await send('/api/v1/photos', photo, { 'X-Client-Request-Id': clientRequestId })).url;
}

/** A photo of the work done on a case; answers its URL, for the resolution's `photos`. */
export async function uploadCasePhoto(token: string, caseId: string, photo: Blob): Promise<string> {
  return (await send(`/api/v1/cases/${encodeURIComponent(caseId)}/photos`, photo, { Authorization: `Bearer ${token}` })).url;
}

/** The reference a submission lists for an uploaded photo: the last segment of its URL. */
export function photoReference(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1);
}
