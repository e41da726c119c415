import type { FastifyRequest } from 'fastify';
import type { UploadedFile } from '../files/store.ts';
import { AppError, type Message } from './errors.ts';

export interface MultipartForm {
  fields: Record<string, string>;
  /** The first file field's file, for forms with one upload. */
  file: UploadedFile | null;
  /** Every non-empty file by its field name. */
  files: Record<string, UploadedFile>;
  /** Set when a file broke the size limit: shown next to that file field, the rest of the form kept. */
  fileError: Message | null;
  fileErrorField: string | null;
}

/**
 * Reads a multipart form: text fields as strings, the named file fields as buffers (an empty file
 * input counts as none). Forms put file inputs last, so an oversized file still leaves every text
 * field read.
 */
export async function readMultipartForm(request: FastifyRequest, fileFields: string | string[], maxMegabytes = 10): Promise<MultipartForm> {
  const wanted = [fileFields].flat();
  const fields: Record<string, string> = {};
  const files: Record<string, UploadedFile> = {};
  let fileError: Message | null = null;
  let fileErrorField: string | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (!wanted.includes(part.fieldname) || fileError) {
        part.file.resume();
        continue;
      }
      try {
        const data = await part.toBuffer();
        if (data.length > 0) files[part.fieldname] = { filename: part.filename, mimetype: part.mimetype, data };
      } catch (error) {
        if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
        fileError = { key: 'files.too_large', params: { max: maxMegabytes } };
        fileErrorField = part.fieldname;
        // The parser refuses to go on after a truncated file; the fields before it are what the form keeps.
        break;
      }
    } else if (typeof part.value === 'string' && part.fieldname !== '_csrf') {
      if (part.value.includes('\u0000')) throw new AppError('bad_request', 400, 'errors.bad_request.text');
      fields[part.fieldname] = part.value;
    }
  }
  const first = wanted[0] ?? '';
  return { fields, file: files[first] ?? null, files, fileError, fileErrorField };
}
