/*
 * The heavy half of sealing in the browser: libsodium and the same src/crypto code the server
 * runs. seal-tip.ts (on every form page, a few KB) loads this module only once the tipster
 * starts writing or sends, so the first paint never waits for it. scripts/build-browser.mjs
 * builds it twice: seal-core.js on libsodium's standard build, and seal-core-pow.js on the
 * sumo build, which adds crypto_pwhash (argon2id) for the proof of work asked for under load.
 */
import { loadSodium, type Sodium } from '../crypto/sodium.js';
import { sealTipEnvelope } from '../crypto/tip-envelope.js';
import { createAttachmentKey, encryptAttachment } from '../crypto/attachment.js';
import { normalizeText } from '../core/text.js';
import { leadingZeroBits, POW_PARAMS } from '../crypto/pow-params.js';
import type { TipContent } from '../core/tip-content.js';

/** What GET /api/desk-key answers. */
export interface DeskKeyResponse {
  readonly keyId: string;
  readonly publicKey: string;
  readonly pow: { readonly token: string; readonly difficulty: number } | null;
}

/** crypto_pwhash is only in libsodium's sumo build, which seal-core-pow.js is built on. */
interface SumoPwhash {
  crypto_pwhash(
    outlen: number,
    password: Uint8Array,
    salt: Uint8Array,
    opslimit: number,
    memlimit: number,
    algorithm: number,
  ): Uint8Array;
  readonly crypto_pwhash_ALG_ARGON2ID13: number;
}

/** Finds a nonce whose argon2id hash has the asked-for zero bits, yielding to the page now and then. */
async function solveProofOfWork(
  sodium: Sodium,
  challenge: { token: string; difficulty: number },
): Promise<string> {
  if (typeof (sodium as unknown as Partial<SumoPwhash>).crypto_pwhash !== 'function')
    throw new Error('this build has no crypto_pwhash; seal-core-pow.js does the proof of work');
  const pwhash = sodium as unknown as SumoPwhash;
  const id = sodium.from_base64(challenge.token).subarray(0, POW_PARAMS.challengeIdBytes);
  for (let nonce = 0; ; nonce++) {
    const hash = pwhash.crypto_pwhash(
      POW_PARAMS.outputBytes,
      new TextEncoder().encode(String(nonce)),
      id,
      POW_PARAMS.iterations,
      POW_PARAMS.memoryKiB * 1024,
      pwhash.crypto_pwhash_ALG_ARGON2ID13,
    );
    if (leadingZeroBits(hash) >= challenge.difficulty) return String(nonce);
    if (nonce % 8 === 7) await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** A photo whose metadata could not be removed: nothing is sent. */
export class CannotStripError extends Error {}

// libsodium returns views over ArrayBuffer (never shared memory); Blob's types want that said.
const blobOf = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);
const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** Re-encodes an image through a canvas, which keeps pixels and drops EXIF, GPS and XMP. */
async function stripImage(file: File): Promise<{ bytes: Uint8Array; type: string }> {
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(bitmap, 0, 0);
    bitmap.close();
    const type = file.type === 'image/png' ? 'image/png' : 'image/jpeg';
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode failed'))), type, 0.9),
    );
    return { bytes: new Uint8Array(await blob.arrayBuffer()), type };
  } catch {
    throw new CannotStripError();
  }
}

function fieldValue(form: HTMLFormElement, name: string): string | undefined {
  const value = new FormData(form).get(name);
  if (typeof value !== 'string') return undefined;
  const clean = normalizeText(value);
  return clean === '' ? undefined : clean;
}

/** Resolves once libsodium's WebAssembly is ready; rejects where it cannot run. */
export const sodiumReady: Promise<Sodium> = loadSodium();
// a warm-up import may never use it; the loader sees a failure when it awaits
sodiumReady.catch(() => undefined);

/**
 * Seals the form's tip and files to the desk key (and solves the proof of work if asked), and
 * returns the multipart body for POST /api/tips: only ciphertext leaves the page.
 */
export async function sealForm(
  form: HTMLFormElement,
  desk: DeskKeyResponse,
): Promise<{ body: FormData; danger: boolean; country: string | undefined }> {
  const sodium = await sodiumReady;
  const deskKey = {
    keyId: sodium.from_hex(desk.keyId),
    publicKey: sodium.from_base64(desk.publicKey),
  };

  const body = new FormData();
  const refs: TipContent['attachments'][number][] = [];
  const input = form.querySelector<HTMLInputElement>('input[type=file]');
  for (const file of Array.from(input?.files ?? [])) {
    let bytes: Uint8Array = new Uint8Array(await file.arrayBuffer());
    let type = (file.type || 'application/octet-stream').toLowerCase();
    if (type.startsWith('image/')) ({ bytes, type } = await stripImage(file));
    const key = createAttachmentKey(sodium);
    const id = hex(sodium.randombytes_buf(12));
    body.append('attachment', blobOf(encryptAttachment(sodium, key, bytes)), id);
    refs.push({
      id,
      key: sodium.to_base64(key),
      name: file.name.slice(0, 120) || 'file',
      type,
      size: bytes.length,
    });
    sodium.memzero(key);
    bytes.fill(0);
  }

  const danger = fieldValue(form, 'danger');
  const countryChoice = fieldValue(form, 'country');
  const country = countryChoice && countryChoice !== 'other' ? countryChoice : undefined;
  const fields: Record<string, string | boolean> = { message: fieldValue(form, 'message') ?? '' };
  for (const name of ['place', 'when', 'contact'] as const) {
    const value = fieldValue(form, name);
    if (value !== undefined) fields[name] = value;
  }
  if (country) fields.country = country;
  if (danger === 'yes' || danger === 'no') fields.danger = danger === 'yes';
  const content = {
    v: 1,
    channel: 'web',
    language: document.documentElement.lang,
    fields: fields as TipContent['fields'],
    attachments: refs,
  } satisfies TipContent;
  const plaintext = new TextEncoder().encode(JSON.stringify(content));
  body.append('envelope', blobOf(sealTipEnvelope(sodium, deskKey, plaintext)), 'envelope');
  // the server cannot read the envelope: this bit only makes the desk's alerts urgent
  body.append('urgent', danger === 'yes' ? '1' : '0');
  plaintext.fill(0);
  if (desk.pow) {
    body.append('pow-token', desk.pow.token);
    body.append('pow-nonce', await solveProofOfWork(sodium, desk.pow));
  }
  return { body, danger: danger === 'yes', country };
}
