import sharp from 'sharp';
import { sniffMime, type UploadedFile } from '../../platform/files/store.ts';
import { ValidationError } from '../../platform/http/errors.ts';

/**
 * A photo re-encoded from its pixels alone: EXIF (GPS position, camera, time), XMP and comments do
 * not survive, so a picture of a street does not tell where its author lives. Turned upright first,
 * as the orientation tag goes with the rest. Anything that is not a PNG or JPEG is left for the
 * file store to refuse with its usual message.
 */
export async function withoutMetadata(field: string, file: UploadedFile): Promise<UploadedFile> {
  const mime = sniffMime(file.data);
  if (mime !== 'image/png' && mime !== 'image/jpeg') return file;
  try {
    const image = sharp(file.data, { failOn: 'error' }).rotate();
    const data = mime === 'image/png' ? await image.png().toBuffer() : await image.jpeg({ quality: 88, mozjpeg: true }).toBuffer();
    return { ...file, data };
  } catch {
    throw new ValidationError({ [field]: { key: 'files.wrong_type' } });
  }
}
