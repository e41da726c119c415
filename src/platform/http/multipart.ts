import type { FastifyRequest } from 'fastify';
import type { UploadedFile } from '../files/store.ts';
import { AppError, type Message } from './errors.ts';

export interface MultipartForm {
  fields: Record<string, string>;
  file: UploadedFile | null;
  /** Set when the file broke the size limit: shown next to the file field, the rest of the form kept. */
  fileError: Message | null;
}

/**
 * Reads a multipart form: text fields as strings, one file as a buffer (an empty file input counts
 * as none). Forms put the file input last, so an oversized file still leaves every text field read.
 */
export async function readMultipartForm(request: FastifyRequest, fileField: string, maxMegabytes = 10): Promise<MultipartForm> {
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  let fileError: Message | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== fileField || fileError) {
        part.file.resume();
        continue;
      }
      try {
        const data = await part.toBuffer();
        if (data.length > 0 || part.filename) file = data.length > 0 ? { filename: part.filename, mimetype: part.mimetype, data } : null;
      } catch (error) {
        if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
        fileError = { key: 'files.too_large', params: { max: maxMegabytes } };
        // The parser refuses to go on after a truncated file; the fields before it are what the form keeps.
        break;
      }
    } else if (typeof part.value === 'string' && part.fieldname !== '_csrf') {
      if (part.value.includes('\u0000')) throw new AppError('bad_request', 400, 'errors.bad_request.text');
      fields[part.fieldname] = part.value;
    }
  }
  return { fields, file, fileError };
}
