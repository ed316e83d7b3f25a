/*
 * Sealing in the browser, for tipsters with JavaScript on: the tip and its files are
 * encrypted here with the same code the server uses (src/crypto), so the server only ever
 * receives ciphertext. With JavaScript off, or if WebAssembly is unavailable, the plain form
 * still works and the server seals on arrival.
 */
import { loadSodium, type Sodium } from '../crypto/sodium.js';
import { sealTipEnvelope } from '../crypto/tip-envelope.js';
import { createAttachmentKey, encryptAttachment } from '../crypto/attachment.js';
import { normalizeText } from '../core/text.js';
import { leadingZeroBits, POW_PARAMS } from '../crypto/pow-params.js';
import type { TipContent } from '../core/tip-content.js';

interface DeskKeyResponse {
  readonly keyId: string;
  readonly publicKey: string;
  readonly pow: { readonly token: string; readonly difficulty: number } | null;
}

/** crypto_pwhash is in libsodium's sumo build, which the bundle uses (scripts/build-browser.mjs). */
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

interface SealedResponse {
  readonly codename?: string;
  readonly error?: string;
}

interface EmergencyData {
  readonly [country: string]: {
    readonly intro: string;
    readonly numbers: readonly { readonly label: string; readonly number: string }[];
  };
}

class CannotStripError extends Error {}

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

async function sealAndSend(
  sodium: Sodium,
  form: HTMLFormElement,
): Promise<{ response: SealedResponse; danger: boolean; country: string | undefined }> {
  const deskName = new FormData(form).get('desk');
  const keyUrl =
    typeof deskName === 'string' && deskName !== ''
      ? `/api/desk-key?desk=${encodeURIComponent(deskName)}`
      : '/api/desk-key';
  const keyResponse = await fetch(keyUrl, { credentials: 'omit', cache: 'no-store' });
  if (!keyResponse.ok)
    return {
      response: (await keyResponse.json()) as SealedResponse,
      danger: false,
      country: undefined,
    };
  const desk = (await keyResponse.json()) as DeskKeyResponse;
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

  const lang = document.documentElement.lang;
  const posted = await fetch(`/api/tips?lang=${encodeURIComponent(lang)}`, {
    method: 'POST',
    body,
    credentials: 'omit',
    cache: 'no-store',
  });
  return { response: (await posted.json()) as SealedResponse, danger: danger === 'yes', country };
}

function showReceipt(codename: string, danger: boolean, country: string | undefined): void {
  const template = document.querySelector<HTMLTemplateElement>('#sealed-receipt');
  const main = document.querySelector('main');
  if (!template || !main) return;
  // read before the form (and this data, which sits beside it) is replaced
  const data = JSON.parse(
    document.querySelector('#emergency-data')?.textContent ?? '{}',
  ) as EmergencyData;
  main.replaceChildren(template.content.cloneNode(true));
  const receipt = main.querySelector('#receipt');
  if (receipt) receipt.textContent = codename;
  const panel = main.querySelector<HTMLElement>('#emergency');
  if (panel && danger) {
    const entry = country ? data[country] : undefined;
    if (entry) {
      const intro = panel.querySelector('p');
      if (intro) intro.textContent = entry.intro;
      const list = document.createElement('ul');
      for (const n of entry.numbers) {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = `tel:${n.number}`;
        link.textContent = n.number;
        item.append(`${n.label}: `, link);
        list.append(item);
      }
      panel.append(list);
    }
    panel.hidden = false;
  }
  window.scrollTo(0, 0);
  main.querySelector('h1')?.focus();
}

function showError(form: HTMLFormElement, message: string): void {
  let box = document.querySelector<HTMLElement>('#form-error');
  if (!box) {
    box = document.createElement('div');
    box.id = 'form-error';
    box.className = 'errors';
    box.setAttribute('role', 'alert');
    form.before(box);
  }
  box.textContent = message;
  box.scrollIntoView();
}

function enhance(form: HTMLFormElement): void {
  const sodiumReady = loadSodium();
  let sending = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sending) return;
    sending = true;
    const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
    if (button) button.disabled = true;
    const done = () => {
      sending = false;
      if (button) button.disabled = false;
    };
    sodiumReady
      .then(
        async (sodium) => {
          try {
            const { response, danger, country } = await sealAndSend(sodium, form);
            if (response.codename) showReceipt(response.codename, danger, country);
            else showError(form, response.error ?? form.dataset.errorText ?? '');
          } catch (error) {
            showError(
              form,
              error instanceof CannotStripError
                ? (form.dataset.stripError ?? '')
                : (form.dataset.errorText ?? ''),
            );
          }
          done();
        },
        // No WebAssembly or libsodium: the server seals it instead, as with JavaScript off.
        () => form.submit(),
      )
      .catch(done);
  });
  form.dataset.sealing = 'browser';
}

const form = document.querySelector<HTMLFormElement>('#tip-form');
if (form && typeof WebAssembly === 'object') enhance(form);
