import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp, type ServerDeps } from '../../src/server/app.js';
import type { ProofOfWorkOptions } from '../../src/server/tipster/tipster-routes.js';
import { CATALOGS } from '../../src/i18n/catalogs.js';
import { EMERGENCY_NUMBERS } from '../../src/i18n/emergency-numbers.js';
import { relyingPartyFor, type CoreDeps } from '../../src/core/index.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Flags that keep Chromium from reaching out to the network on its own (none is reachable here). */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: QUIET_FLAGS });
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** The real web app on a loopback port; quick exit goes to /healthz so no test leaves the machine. */
export async function startTestServer(
  core: CoreDeps,
  options: {
    /** Receives every request body exactly as the server got it off the wire, and its request. */
    tap?: (body: Buffer, request: Request) => void;
    proofOfWork?: ProofOfWorkOptions;
    desk?: ServerDeps['desk'];
    /** Serve at http://localhost:PORT with passkeys on (WebAuthn wants a host name, not an IP). */
    passkeys?: boolean;
  } = {},
): Promise<{ origin: string; quickExitUrl: string; close: () => Promise<void> }> {
  const port = await freePort();
  const origin = `http://${options.passkeys ? 'localhost' : '127.0.0.1'}:${port}`;
  const quickExitUrl = `${origin}/healthz`;
  const app = createApp({
    core,
    web: {
      quickExitUrl,
      onionAddress: undefined,
      rateLimitPerHour: 1000,
      ...(options.proofOfWork ? { proofOfWork: options.proofOfWork } : {}),
    },
    catalogs: CATALOGS,
    emergencyNumbers: EMERGENCY_NUMBERS,
    ...(options.desk || options.passkeys
      ? {
          desk: {
            ...options.desk,
            ...(options.passkeys ? { passkeys: relyingPartyFor(origin) } : {}),
          },
        }
      : {}),
  });
  const server: ServerType = await new Promise((resolve) => {
    const fetch = async (request: Request, env: Record<string, unknown>) => {
      if (options.tap && request.body)
        options.tap(Buffer.from(await request.clone().arrayBuffer()), request);
      return app.fetch(request, env);
    };
    const s = serve({ fetch, hostname: '127.0.0.1', port }, () => resolve(s));
  });
  return {
    origin,
    quickExitUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

/** Waits until the page's sealing script has taken over the form (JavaScript path). */
export async function waitForBrowserSealing(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const doc = (
      globalThis as unknown as {
        document: { querySelector(s: string): { dataset: Record<string, string> } | null };
      }
    ).document;
    return doc.querySelector('#tip-form')?.dataset.sealing === 'browser';
  });
}
