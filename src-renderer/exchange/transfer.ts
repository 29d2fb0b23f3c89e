import { call } from '../api/client';

// Files travel through the same JSON door as every call (browser mode and desktop
// alike): base64 chunks up to the core, and back down for downloads.
const CHUNK = 3 * 1024 * 1024;

/** A file's bytes as base64, for procedures that take bytes (the core decodes the text, never the browser). */
export function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(blob);
  });
}

export async function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<string> {
  let uploadId: string | null = null;
  for (let offset = 0; ; offset += CHUNK) {
    const last = offset + CHUNK >= file.size;
    const data = await base64Of(file.slice(offset, offset + CHUNK));
    const r: { fileId: string } = await call('exchange.upload', { uploadId, name: file.name, data, last });
    uploadId = r.fileId;
    onProgress(Math.min(1, (offset + CHUNK) / Math.max(1, file.size)));
    if (last) return uploadId;
  }
}

/** Fetches a file the core produced and hands it to the browser's download (desktop: save dialog). */
export async function downloadFile(fileId: string): Promise<string> {
  const parts: Uint8Array[] = [];
  let name = 'export';
  for (let offset = 0; ; ) {
    const r = await call('exchange.download', { fileId, offset });
    name = r.name;
    const bin = atob(r.data);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    parts.push(bytes);
    offset += bytes.length;
    if (r.done) break;
  }
  const url = URL.createObjectURL(new Blob(parts as BlobPart[]));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
