import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { ValidationError } from '../http/errors.ts';
import { filesRepository } from './files-repository.ts';

export interface UploadedFile {
  filename: string;
  mimetype: string;
  data: Buffer;
}

/** PDF, office documents and images by their first bytes, not by the name the browser sent. */
const SIGNATURES: Array<{ mime: string; test: (b: Buffer) => boolean }> = [
  { mime: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { mime: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'application/zip', test: (b) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04 },
];

export function sniffMime(data: Buffer): string | null {
  return SIGNATURES.find((s) => s.test(data))?.mime ?? null;
}

export class FileStore {
  constructor(private readonly dir: string) {}

  /** Checks type and size, writes the bytes, and records the file in the caller's transaction. */
  async save(db: Kysely<Database> | Transaction<Database>, field: string, file: UploadedFile, options: { allowed: string[]; maxBytes: number; userId: number | null }): Promise<number> {
    if (file.data.length === 0) throw new ValidationError({ [field]: { key: 'files.empty' } });
    if (file.data.length > options.maxBytes) throw new ValidationError({ [field]: { key: 'files.too_large', params: { max: Math.round(options.maxBytes / 1024 / 1024) } } });
    const mime = sniffMime(file.data);
    if (!mime || !options.allowed.includes(mime)) throw new ValidationError({ [field]: { key: 'files.wrong_type' } });
    const storageKey = randomUUID();
    await mkdir(this.dir, { recursive: true });
    await writeFile(join(this.dir, storageKey), file.data);
    return filesRepository(db).insert({
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what a stored file name must not contain
      original_name: file.filename.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || 'datei',
      mime_type: mime,
      size_bytes: file.data.length,
      sha256: createHash('sha256').update(file.data).digest('hex'),
      storage_key: storageKey,
      created_by: options.userId,
    });
  }

  async read(db: Kysely<Database>, id: number) {
    const row = await filesRepository(db).find(id);
    if (!row) return null;
    return { ...row, data: await readFile(join(this.dir, row.storage_key)) };
  }
}
