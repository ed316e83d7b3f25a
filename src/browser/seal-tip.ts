/*
 * Sealing in the browser, for tipsters with JavaScript on: the tip and its files are
 * encrypted here with the same code the server uses (src/crypto), so the server only ever
 * receives ciphertext. With JavaScript off, or if WebAssembly is unavailable, the plain form
 * still works and the server seals on arrival.
 *
 * This file is the light half, on every form page: it takes over the form and shows the
 * receipt. The heavy half (libsodium, seal-core.ts) is fetched only when the tipster starts
 * writing or sends, so a visit that only looks costs a few KB, and the proof-of-work build
 * (libsodium sumo) only when the server asks for work.
 */
import type * as SealCore from './seal-core.js';

type Core = typeof SealCore;
type DeskKeyResponse = SealCore.DeskKeyResponse;

interface SealedResponse {
  readonly codename?: string;
  readonly error?: string;
}

/** The form's `#emergency-data` (form-page.tsx's emergencyJson). */
interface EmergencyData {
  /** "Call these numbers in {country}:" in the page's language. */
  readonly call?: string;
  /** Each kind of number (police, ambulance…) in the page's language. */
  readonly kinds?: Readonly<Record<string, string>>;
  /** By country code: [kind, number] pairs. */
  readonly numbers?: Readonly<Record<string, readonly (readonly [string, string])[]>>;
}

const CORE_URL = '/static/seal-core.js';
const POW_CORE_URL = '/static/seal-core-pow.js';

const cores = new Map<string, Promise<Core>>();

/** The sealing module for this desk answer, fetched once; a failed fetch may be tried again. */
function loadCore(desk: DeskKeyResponse): Promise<Core> {
  const url = desk.pow ? POW_CORE_URL : CORE_URL;
  let core = cores.get(url);
  if (!core) {
    // a runtime URL, so the bundler leaves this import to the browser
    core = import(url) as Promise<Core>;
    cores.set(url, core);
    core.catch(() => cores.delete(url));
  }
  return core;
}

async function fetchDeskKey(
  form: HTMLFormElement,
): Promise<{ ok: true; desk: DeskKeyResponse } | { ok: false; response: SealedResponse }> {
  const deskName = new FormData(form).get('desk');
  const keyUrl =
    typeof deskName === 'string' && deskName !== ''
      ? `/api/desk-key?desk=${encodeURIComponent(deskName)}`
      : '/api/desk-key';
  const response = await fetch(keyUrl, { credentials: 'omit', cache: 'no-store' });
  if (!response.ok) return { ok: false, response: (await response.json()) as SealedResponse };
  return { ok: true, desk: (await response.json()) as DeskKeyResponse };
}

function showReceipt(codename: string, danger: boolean, country: string | undefined): void {
  const template = document.querySelector<HTMLTemplateElement>('#sealed-receipt');
  const main = document.querySelector('main');
  if (!template || !main) return;
  // read before the form (and this data, which sits beside it) is replaced
  const data = JSON.parse(
    document.querySelector('#emergency-data')?.textContent ?? '{}',
  ) as EmergencyData;
  const countryName = document
    .querySelector<HTMLSelectElement>('#country')
    ?.selectedOptions[0]?.textContent?.trim();
  main.replaceChildren(template.content.cloneNode(true));
  const receipt = main.querySelector('#receipt');
  if (receipt) receipt.textContent = codename;
  const panel = main.querySelector<HTMLElement>('#emergency');
  if (panel && danger) {
    const numbers = data.numbers ?? {};
    const entry = country && Object.hasOwn(numbers, country) ? numbers[country] : undefined;
    if (entry && data.call && countryName) {
      const intro = panel.querySelector('p');
      if (intro) intro.textContent = data.call.replace('{country}', countryName);
      const list = document.createElement('ul');
      for (const [kind, number] of entry) {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = `tel:${number}`;
        link.textContent = number;
        const label = data.kinds && Object.hasOwn(data.kinds, kind) ? data.kinds[kind] : kind;
        item.append(`${label}: `, link);
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

/**
 * Whether the tipster answered any of the desk's questions. Answers are not sealed in the
 * browser yet (#17), so such a form goes as the plain form: the server checks and seals them,
 * as with JavaScript off, and no answer is lost.
 */
function hasAnswers(form: HTMLFormElement): boolean {
  for (const [name, value] of new FormData(form).entries())
    if (name.startsWith('q.') && typeof value === 'string' && value.trim() !== '') return true;
  return false;
}

/** Seals and sends; false when sealing cannot run here, so the plain form should be sent. */
async function sealAndSend(form: HTMLFormElement): Promise<boolean> {
  if (hasAnswers(form)) return false;
  const key = await fetchDeskKey(form);
  if (!key.ok) {
    showError(form, key.response.error ?? form.dataset.errorText ?? '');
    return true;
  }
  let core: Core;
  try {
    core = await loadCore(key.desk);
    await core.sodiumReady;
  } catch {
    // No WebAssembly or libsodium: the server seals it instead, as with JavaScript off.
    return false;
  }
  try {
    const sealed = await core.sealForm(form, key.desk);
    const lang = document.documentElement.lang;
    const posted = await fetch(`/api/tips?lang=${encodeURIComponent(lang)}`, {
      method: 'POST',
      body: sealed.body,
      credentials: 'omit',
      cache: 'no-store',
    });
    const response = (await posted.json()) as SealedResponse;
    if (response.codename) showReceipt(response.codename, sealed.danger, sealed.country);
    else showError(form, response.error ?? form.dataset.errorText ?? '');
  } catch (error) {
    showError(
      form,
      error instanceof core.CannotStripError
        ? (form.dataset.stripError ?? '')
        : (form.dataset.errorText ?? ''),
    );
  }
  return true;
}

function enhance(form: HTMLFormElement): void {
  let sending = false;
  // fetch the sealing code while the tipster writes, not on page load
  const warm = () => {
    fetchDeskKey(form)
      .then((key) => (key.ok ? loadCore(key.desk) : undefined))
      .catch(() => undefined);
  };
  form.addEventListener('input', warm, { once: true });
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
    sealAndSend(form)
      .then((handled) => {
        if (handled) done();
        else form.submit();
      })
      .catch(() => {
        showError(form, form.dataset.errorText ?? '');
        done();
      });
  });
  form.dataset.sealing = 'browser';
}

const form = document.querySelector<HTMLFormElement>('#tip-form');
if (form && typeof WebAssembly === 'object') enhance(form);
