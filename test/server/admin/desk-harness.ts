import type { Hono } from 'hono';
import { createApp } from '../../../src/server/app.js';
import {
  createConcurrencyGate,
  createDeskSessions,
  createFirstRunToken,
  createLoginThrottle,
  initialiseDesk,
  relyingPartyFor,
  totpCodeAt,
  type CoreDeps,
  type DeskSessions,
  type FirstRunToken,
  type LoginGuard,
  type TelegramDelivery,
} from '../../../src/core/index.js';
import { CATALOGS } from '../../../src/i18n/catalogs.js';
import { createTestDeps, PASSPHRASE, type TestContext } from '../../helpers.js';
import { TEST_EMERGENCY } from '../test-app.js';

export const ORIGIN = 'http://localhost';
export const PASSPHRASE_TEXT = new TextDecoder().decode(PASSPHRASE);

/** A login guard on fake time: `sleep` moves the fake clock, and every sleep is recorded. */
export function fakeLoginGuard(clock: () => number, minimumMs = 1_000) {
  const time = { now: 0, slept: [] as number[] };
  const guard: LoginGuard = {
    throttle: createLoginThrottle({ clock }),
    gate: createConcurrencyGate(2, 16),
    minimumMs,
    now: () => time.now,
    sleep: (ms) => {
      time.slept.push(ms);
      time.now += ms;
      return Promise.resolve();
    },
  };
  return { guard, time };
}

export interface DeskTest extends TestContext {
  readonly app: Hono;
  readonly sessions: DeskSessions;
  readonly firstRun: FirstRunToken | undefined;
  readonly time: { now: number; slept: number[] };
  now(): number;
  /** Moves the core clock forward by `ms`. */
  advance(ms: number): void;
}

/** The app with the desk wired to fake time. `initialise` creates desk + admin "ana" as `tipline init` would. */
export async function createDeskTest(
  options: {
    initialise?: boolean;
    telegram?: TelegramDelivery;
    core?: Partial<CoreDeps>;
    /** Passkeys on, for a desk opened at ORIGIN. */
    passkeys?: boolean;
  } = {},
): Promise<DeskTest> {
  const context = await createTestDeps(options.core);
  let now = Date.UTC(2026, 10, 22, 14, 37, 12);
  context.setNow(now);
  const clock = () => now;
  Object.assign(context.deps, { clock });
  if (options.initialise ?? true)
    await initialiseDesk(context.deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
  const sessions = createDeskSessions(context.deps);
  const firstRun = options.initialise === false ? createFirstRunToken(context.deps) : undefined;
  const { guard, time } = fakeLoginGuard(clock);
  const app = createApp({
    core: context.deps,
    web: {
      quickExitUrl: 'https://neutral.example/',
      onionAddress: undefined,
      rateLimitPerHour: 1000,
    },
    catalogs: CATALOGS,
    emergencyNumbers: TEST_EMERGENCY,
    desk: {
      sessions,
      loginGuard: guard,
      ...(firstRun ? { firstRun } : {}),
      ...(options.telegram ? { telegram: options.telegram } : {}),
      ...(options.passkeys ? { passkeys: relyingPartyFor(ORIGIN) } : {}),
    },
  });
  return {
    ...context,
    app,
    sessions,
    firstRun,
    time,
    now: () => now,
    advance: (ms) => {
      now += ms;
      context.setNow(now);
    },
  };
}

/** A browser in miniature: keeps the session cookie, sends same-origin POSTs, reads CSRF tokens. */
export class DeskClient {
  cookie: string | undefined;
  lastHtml = '';

  constructor(private readonly app: Hono) {}

  private remember(response: Response): void {
    const set = response.headers.get('set-cookie');
    if (!set) return;
    const match = /__Host-tipline-desk=([^;]*)/.exec(set);
    if (match) this.cookie = match[1] === '' ? undefined : match[1];
  }

  async get(path: string): Promise<Response> {
    const response = await this.app.request(`${ORIGIN}${path}`, {
      headers: this.cookie ? { cookie: `__Host-tipline-desk=${this.cookie}` } : {},
    });
    this.remember(response);
    if (response.headers.get('content-type')?.includes('text/html'))
      this.lastHtml = await response.clone().text();
    return response;
  }

  async post(
    path: string,
    fields: Record<string, string | string[]>,
    options: { csrf?: string | null; origin?: string } = {},
  ) {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields))
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    const csrf = options.csrf === undefined ? this.csrf() : options.csrf;
    if (csrf !== null && csrf !== undefined) body.set('_csrf', csrf);
    const response = await this.app.request(`${ORIGIN}${path}`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: options.origin ?? ORIGIN,
        ...(this.cookie ? { cookie: `__Host-tipline-desk=${this.cookie}` } : {}),
      },
    });
    this.remember(response);
    if (response.headers.get('content-type')?.includes('text/html'))
      this.lastHtml = await response.clone().text();
    return response;
  }

  /** The CSRF token of the last page seen. */
  csrf(): string | undefined {
    return /name="_csrf" value="([^"]+)"/.exec(this.lastHtml)?.[1];
  }
}

/** Logs "ana" in from scratch: passphrase, then TOTP enrolment; returns the TOTP secret. */
export async function enrolAndLogIn(
  test: DeskTest,
  client: DeskClient,
  name = 'ana',
  passphrase = PASSPHRASE_TEXT,
) {
  const first = await client.post('/admin/login', { name, passphrase, code: '' });
  if (first.headers.get('location') !== '/admin/enrol')
    throw new Error(`login did not lead to enrolment: ${first.status}`);
  await client.get('/admin/enrol');
  const secret = /id="totp-secret">([A-Z2-7]+)</.exec(client.lastHtml)?.[1];
  if (!secret) throw new Error('no TOTP secret on the enrolment page');
  const enrolled = await client.post('/admin/enrol', { code: totpCodeAt(secret, test.now()) });
  if (enrolled.headers.get('location') !== '/admin')
    throw new Error(`enrolment failed: ${enrolled.status}`);
  await client.get('/admin');
  return secret;
}

/** A full login with a fresh TOTP step (the clock moves 30 s so the code is not a replay). */
export async function logIn(
  test: DeskTest,
  client: DeskClient,
  secret: string,
  name = 'ana',
  passphrase = PASSPHRASE_TEXT,
) {
  test.advance(30_000);
  const response = await client.post('/admin/login', {
    name,
    passphrase,
    code: totpCodeAt(secret, test.now()),
  });
  await client.get('/admin');
  return response;
}
