/*
 * The browser half of a passkey ceremony on a desk page (registration on the account page, the
 * passkey step of a login). The page carries the server's options in the form's
 * data-passkey-options attribute (no inline script: the CSP forbids it); a click on the form's
 * button runs navigator.credentials.create() or .get() through @simplewebauthn/browser, puts
 * the answer in the hidden `response` field and sends the form. Without JavaScript the page
 * says so and points to TOTP.
 */
import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
} from '@simplewebauthn/browser';

type Options = Parameters<typeof startRegistration>[0]['optionsJSON'] &
  Parameters<typeof startAuthentication>[0]['optionsJSON'];

function show(element: HTMLElement | null): void {
  if (element) element.hidden = false;
}

function setUp(form: HTMLFormElement): void {
  const mode = form.dataset.passkey;
  const raw = form.dataset.passkeyOptions;
  const field = form.querySelector<HTMLInputElement>('input[name=response]');
  const button = form.querySelector<HTMLButtonElement>('button[data-passkey-start]');
  const failure = document.querySelector<HTMLElement>('[data-passkey-error]');
  if (!raw || !field || !button || (mode !== 'register' && mode !== 'login')) return;
  if (!browserSupportsWebAuthn()) {
    show(document.querySelector<HTMLElement>('[data-passkey-unsupported]'));
    return;
  }
  const options = JSON.parse(raw) as Options;
  button.disabled = false;
  form.dataset.passkeyReady = 'yes';
  form.addEventListener('submit', (event) => {
    if (field.value !== '') return;
    event.preventDefault();
    button.disabled = true;
    const ceremony =
      mode === 'register'
        ? startRegistration({ optionsJSON: options })
        : startAuthentication({ optionsJSON: options });
    ceremony.then(
      (answer) => {
        field.value = JSON.stringify(answer);
        form.submit();
      },
      () => {
        button.disabled = false;
        show(failure);
      },
    );
  });
}

document.querySelectorAll<HTMLFormElement>('form[data-passkey]').forEach(setUp);
