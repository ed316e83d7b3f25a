import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createSharpSanitizer } from '../../src/media/attachment-sanitizer.js';
import { isDomainError } from '../../src/core/index.js';

const sanitizer = createSharpSanitizer();

async function photoWithExif(): Promise<Uint8Array> {
  const jpeg = await sharp({ create: { width: 6, height: 4, channels: 3, background: 'blue' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'MARKER-EXIF', Make: 'PhoneCo' } })
    .toBuffer();
  return new Uint8Array(jpeg);
}

describe('attachment sanitizer', () => {
  it('removes EXIF metadata from a JPEG and keeps it a JPEG', async () => {
    const input = await photoWithExif();
    expect(Buffer.from(input).includes('MARKER-EXIF')).toBe(true);
    const output = await sanitizer.sanitize({
      name: 'p.jpg',
      mediaType: 'image/jpeg',
      bytes: input,
    });
    expect(Buffer.from(output.bytes).includes('MARKER-EXIF')).toBe(false);
    const metadata = await sharp(output.bytes).metadata();
    expect(metadata.format).toBe('jpeg');
    expect(metadata.exif).toBeUndefined();
    expect([metadata.width, metadata.height]).toEqual([6, 4]);
  });

  it('applies the EXIF orientation before dropping it, so the photo still looks upright', async () => {
    const rotated = await sharp({
      create: { width: 6, height: 4, channels: 3, background: 'green' },
    })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const output = await sanitizer.sanitize({
      name: 'r.jpg',
      mediaType: 'image/jpeg',
      bytes: new Uint8Array(rotated),
    });
    const metadata = await sharp(output.bytes).metadata();
    expect([metadata.width, metadata.height, metadata.orientation]).toEqual([4, 6, undefined]);
  });

  it('names the real format when the declared image type is wrong', async () => {
    const png = await sharp({ create: { width: 2, height: 2, channels: 4, background: 'white' } })
      .png()
      .toBuffer();
    const output = await sanitizer.sanitize({
      name: 'x.jpg',
      mediaType: 'image/jpeg',
      bytes: new Uint8Array(png),
    });
    expect(output.mediaType).toBe('image/png');
  });

  it('rejects bytes that claim to be an image but are not', async () => {
    await expect(
      sanitizer.sanitize({ name: 'x.jpg', mediaType: 'image/jpeg', bytes: new Uint8Array(64) }),
    ).rejects.toSatisfy((e) => isDomainError(e, 'invalid_input') && e.field === 'attachments');
  });

  it('rejects a PDF without the PDF signature and a type it does not accept', async () => {
    await expect(
      sanitizer.sanitize({
        name: 'a.pdf',
        mediaType: 'application/pdf',
        bytes: new Uint8Array(10),
      }),
    ).rejects.toSatisfy((e) => isDomainError(e, 'invalid_input'));
    await expect(
      sanitizer.sanitize({
        name: 'a.exe',
        mediaType: 'application/x-msdownload',
        bytes: new Uint8Array(10),
      }),
    ).rejects.toSatisfy((e) => isDomainError(e, 'invalid_input'));
  });

  it('passes audio and real PDFs through unchanged', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7 body');
    const output = await sanitizer.sanitize({
      name: 'a.pdf',
      mediaType: 'application/pdf',
      bytes: pdf,
    });
    expect(output.bytes).toBe(pdf);
  });
});
