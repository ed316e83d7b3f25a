import { z } from 'zod';
import type {
  AuthenticationResponseJSON,
  AuthenticatorTransport,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { DomainError } from './errors.js';

/*
 * What a browser posts back from a WebAuthn ceremony, checked before @simplewebauthn/server
 * reads it: JSON of bounded size, base64url strings of bounded length, nothing unexpected.
 */

/** The whole JSON text a ceremony may post. */
export const MAX_WEBAUTHN_JSON_CHARS = 16_384;
const b64url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/);
const extensions = z.record(z.string().max(64), z.unknown()).default({});
const attachment = z.enum(['platform', 'cross-platform']).optional();

const assertionSchema = z.object({
  id: b64url(1_400).min(1),
  rawId: b64url(1_400).min(1),
  type: z.literal('public-key'),
  authenticatorAttachment: attachment,
  clientExtensionResults: extensions,
  response: z.object({
    clientDataJSON: b64url(4_096).min(1),
    authenticatorData: b64url(4_096).min(1),
    signature: b64url(1_024).min(1),
    userHandle: b64url(128).optional(),
  }),
});

const TRANSPORTS = ['ble', 'hybrid', 'internal', 'nfc', 'usb'] as const;

const attestationSchema = z.object({
  id: b64url(1_400).min(1),
  rawId: b64url(1_400).min(1),
  type: z.literal('public-key'),
  authenticatorAttachment: attachment,
  clientExtensionResults: extensions,
  response: z.object({
    clientDataJSON: b64url(4_096).min(1),
    attestationObject: b64url(8_192).min(1),
    authenticatorData: b64url(4_096).optional(),
    transports: z.array(z.string().max(32)).max(8).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64url(2_048).optional(),
  }),
});

function parseJson(text: string): unknown {
  if (text.length === 0 || text.length > MAX_WEBAUTHN_JSON_CHARS)
    throw new DomainError('invalid_input', 'no usable WebAuthn response', 'passkey');
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError('invalid_input', 'no usable WebAuthn response', 'passkey');
  }
}

/** A login assertion as posted; DomainError('invalid_input') when it is not one. */
export function parseAssertion(text: string): AuthenticationResponseJSON {
  const parsed = assertionSchema.safeParse(parseJson(text));
  if (!parsed.success)
    throw new DomainError('invalid_input', 'no usable WebAuthn response', 'passkey');
  const { authenticatorAttachment, response, ...rest } = parsed.data;
  const { userHandle, ...signed } = response;
  return {
    ...rest,
    ...(authenticatorAttachment ? { authenticatorAttachment } : {}),
    response: { ...signed, ...(userHandle ? { userHandle } : {}) },
  };
}

/** A registration (attestation) as posted; DomainError('invalid_input') when it is not one. */
export function parseAttestation(text: string): RegistrationResponseJSON {
  const parsed = attestationSchema.safeParse(parseJson(text));
  if (!parsed.success)
    throw new DomainError('invalid_input', 'no usable WebAuthn response', 'passkey');
  const { authenticatorAttachment, response, ...rest } = parsed.data;
  const { transports, authenticatorData, publicKeyAlgorithm, publicKey, ...required } = response;
  return {
    ...rest,
    ...(authenticatorAttachment ? { authenticatorAttachment } : {}),
    response: {
      ...required,
      ...(transports ? { transports: knownTransports(transports) } : {}),
      ...(authenticatorData ? { authenticatorData } : {}),
      ...(publicKeyAlgorithm !== undefined ? { publicKeyAlgorithm } : {}),
      ...(publicKey ? { publicKey } : {}),
    },
  };
}

/** Transports we know, in the stored form; anything else is dropped. */
export function knownTransports(values: readonly string[]): AuthenticatorTransport[] {
  return values.filter((v): v is AuthenticatorTransport =>
    (TRANSPORTS as readonly string[]).includes(v),
  );
}
