import sharp, { type Metadata, type Sharp } from 'sharp';
import { DomainError, type AttachmentInput, type AttachmentSanitizer } from '../core/index.js';

/*
 * Image metadata is stripped by re-encoding with sharp (libvips): sharp drops EXIF, GPS, XMP
 * and ICC comments unless asked to keep them, and `rotate()` first applies the EXIF
 * orientation so photos still look right. Other types are checked against their magic bytes;
 * PDF, audio and video metadata is not rewritten (docs/DESIGN-NOTES.md says so).
 */

const IMAGE_FORMATS: Record<string, { mediaType: string; encode: (image: Sharp) => Sharp }> = {
  jpeg: { mediaType: 'image/jpeg', encode: (i) => i.jpeg({ quality: 90 }) },
  png: { mediaType: 'image/png', encode: (i) => i.png() },
  webp: { mediaType: 'image/webp', encode: (i) => i.webp({ quality: 90 }) },
  gif: { mediaType: 'image/gif', encode: (i) => i.gif() },
  tiff: { mediaType: 'image/png', encode: (i) => i.png() },
};

const PASS_THROUGH = /^(application\/pdf|audio\/[a-z0-9.+-]+|video\/[a-z0-9.+-]+)$/;
const startsWith = (bytes: Uint8Array, text: string) =>
  Buffer.from(bytes.subarray(0, text.length)).toString('latin1') === text;
const badFile = () =>
  new DomainError('invalid_input', 'attachment could not be read', 'attachments');
// Decompression bombs: refuse images above this many pixels before decoding them.
const MAX_PIXELS = 80_000_000;

export function createSharpSanitizer(): AttachmentSanitizer {
  return {
    async sanitize(file: AttachmentInput): Promise<AttachmentInput> {
      if (file.mediaType.startsWith('image/')) {
        let metadata: Metadata;
        try {
          metadata = await sharp(file.bytes, { limitInputPixels: MAX_PIXELS }).metadata();
        } catch {
          throw badFile();
        }
        const format = metadata.format ? IMAGE_FORMATS[metadata.format] : undefined;
        if (!format) throw badFile();
        try {
          const output = await format
            .encode(
              sharp(file.bytes, {
                limitInputPixels: MAX_PIXELS,
                animated: metadata.format === 'gif',
              }).rotate(),
            )
            .toBuffer();
          return { name: file.name, mediaType: format.mediaType, bytes: new Uint8Array(output) };
        } catch {
          throw badFile();
        }
      }
      if (!PASS_THROUGH.test(file.mediaType))
        throw new DomainError('invalid_input', 'attachment type not accepted', 'attachments');
      if (file.mediaType === 'application/pdf' && !startsWith(file.bytes, '%PDF-')) throw badFile();
      return file;
    },
  };
}
