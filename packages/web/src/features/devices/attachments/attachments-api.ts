import { api, type Page } from '../../../app/api/client';
import { ApiError, type Problem } from '../../../app/api/problem';

/** A photo or document attached to a device. */
export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  description: string | null;
  /** The uploader's user id. */
  uploadedBy: string | null;
  createdAt: string;
  contentUrl?: string;
}

export const attachmentsKey = (deviceId: string) => ['devices', 'detail', deviceId, 'attachments'] as const;

export const fetchAttachments = (deviceId: string, signal?: AbortSignal) =>
  api<Page<Attachment>>(`/v1/devices/${deviceId}/attachments`, { query: { limit: 200 }, signal }).then((page) => page.items);

export const attachmentUrl = (attachment: Pick<Attachment, 'id'>, download = false) => `/api/v1/attachments/${attachment.id}/content${download ? '?download=true' : ''}`;

export const deleteAttachment = (attachment: Pick<Attachment, 'id'>) => api<void>(`/v1/attachments/${attachment.id}`, { method: 'DELETE' });

function problemOf(xhr: XMLHttpRequest): Problem {
  try {
    return { ...(JSON.parse(xhr.responseText) as Partial<Problem>), status: xhr.status };
  } catch {
    if (xhr.status === 413) return { status: 413, detail: 'The file is too large.' };
    return { status: xhr.status, detail: `The server answered ${xhr.status} ${xhr.statusText}`.trim() };
  }
}

/**
 * Uploads one file as multipart/form-data (the description first, then the file), reporting progress, which
 * matters for photos over a hospital's Wi-Fi. Rejects with ApiError (413 too large, 415 type not accepted).
 */
export function uploadAttachment(deviceId: string, file: File, options: { csrfToken: string; description?: string; onProgress?: (fraction: number) => void }): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/devices/${deviceId}/attachments`);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('X-CSRF-Token', options.csrfToken);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as Attachment);
      else reject(new ApiError(problemOf(xhr)));
    };
    xhr.onerror = () => reject(new TypeError('network'));
    const body = new FormData();
    if (options.description) body.append('description', options.description);
    body.append('file', file, file.name);
    xhr.send(body);
  });
}
