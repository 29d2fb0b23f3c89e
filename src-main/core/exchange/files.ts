import { mkdtempSync, rmSync, statSync, appendFileSync, writeFileSync, openSync, readSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';

// Files the user hands to an import (uploaded from the browser or the renderer) and
// files an export produces for download live in a private temp folder of the core,
// known to the UI only by a random id: no procedure accepts a path on this PC.

export const MAX_FILE_BYTES = 300 * 1024 * 1024;
export const CHUNK_BYTES = 4 * 1024 * 1024;
const IMPORT_TYPES = ['.xlsx', '.xlsm', '.xls', '.csv', '.txt', '.vcf'];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

interface StoredFile {
  path: string;
  name: string;
  complete: boolean;
}

// Uploaded client lists must not outlive the program in the temp folder.
const live = new Set<FileStore>();
process.once('exit', () => {
  for (const store of live) store.dispose();
});

export class FileStore {
  private dir: string | null = null;
  private files = new Map<string, StoredFile>();

  private folder(): string {
    if (!this.dir) {
      this.dir = mkdtempSync(join(tmpdir(), 'kartoteka-exchange-'));
      live.add(this);
    }
    return this.dir;
  }

  /** A file name safe to show and to use as a download name. */
  static cleanName(name: string): string {
    return basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f<>:"|?*]/g, '_').slice(-200) || 'file';
  }

  /** Appends one uploaded chunk (base64); the first chunk opens a new file. */
  upload(input: { uploadId?: string | null; name: string; data: string; last: boolean }): { fileId: string; size: number } {
    const name = FileStore.cleanName(input.name);
    if (!IMPORT_TYPES.includes(extname(name).toLowerCase())) {
      throw new AppError('exchange.file_type', `Not a table file: ${name}`, { name, types: IMPORT_TYPES.join(', ') });
    }
    // Each chunk is whole base64 of whole bytes (the UI cuts the file's bytes, then encodes).
    // A chunk cut inside a 4-character quantum would decode short without a word from Node.
    if (input.data.length % 4 !== 0 || !BASE64.test(input.data)) {
      if (input.uploadId) this.remove(input.uploadId);
      throw new AppError('exchange.upload_damaged', 'A piece of the file arrived damaged: choose the file again');
    }
    const bytes = Buffer.from(input.data, 'base64');
    let id = input.uploadId ?? null;
    let file = id ? this.files.get(id) : undefined;
    if (id && (!file || file.complete)) throw new AppError('exchange.upload_unknown', 'Unknown upload');
    if (!file) {
      id = randomUUID();
      file = { path: join(this.folder(), `${id}${extname(name).toLowerCase()}`), name, complete: false };
      writeFileSync(file.path, '');
      this.files.set(id, file);
    }
    const size = statSync(file.path).size + bytes.length;
    if (size > MAX_FILE_BYTES) {
      this.remove(id!);
      throw new AppError('exchange.file_too_big', 'The file is too big', { maxMb: MAX_FILE_BYTES / 1024 / 1024 });
    }
    appendFileSync(file.path, bytes);
    file.complete = input.last;
    return { fileId: id!, size };
  }

  /** A new file for the core to write (an export, a rejected-rows report). */
  create(name: string): { fileId: string; path: string } {
    const id = randomUUID();
    const clean = FileStore.cleanName(name);
    const path = join(this.folder(), `${id}${extname(clean)}`);
    this.files.set(id, { path, name: clean, complete: true });
    return { fileId: id, path };
  }

  /** A file the user picked on this PC (CLI, desktop file dialog). */
  register(path: string, name = basename(path)): string {
    const id = randomUUID();
    this.files.set(id, { path, name: FileStore.cleanName(name), complete: true });
    return id;
  }

  get(fileId: string): StoredFile {
    const f = this.files.get(fileId);
    if (!f || !f.complete) throw new AppError('exchange.file_unknown', 'The file is no longer available: choose it again');
    return f;
  }

  read(fileId: string, offset: number): { name: string; size: number; offset: number; data: string; done: boolean } {
    const f = this.get(fileId);
    const size = statSync(f.path).size;
    const length = Math.max(0, Math.min(CHUNK_BYTES, size - offset));
    const buf = Buffer.alloc(length);
    const fd = openSync(f.path, 'r');
    try {
      readSync(fd, buf, 0, length, offset);
    } finally {
      closeSync(fd);
    }
    return { name: f.name, size, offset, data: buf.toString('base64'), done: offset + length >= size };
  }

  remove(fileId: string): void {
    const f = this.files.get(fileId);
    this.files.delete(fileId);
    if (f && this.dir && f.path.startsWith(this.dir)) rmSync(f.path, { force: true });
  }

  dispose(): void {
    live.delete(this);
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
    this.files.clear();
  }
}
