import { createApp, type ServerDeps, type WebOptions } from '../../src/server/app.js';
import { initialiseDesk, type CoreDeps } from '../../src/core/index.js';
import { CATALOGS } from '../../src/i18n/catalogs.js';
import type { EmergencyDirectory } from '../../src/i18n/countries.js';
import { createTestDeps, PASSPHRASE } from '../helpers.js';

export const TEST_EMERGENCY: EmergencyDirectory = {
  RS: {
    numbers: [
      { kind: 'police', number: '192' },
      { kind: 'ambulance', number: '194' },
    ],
  },
  VN: { numbers: [{ kind: 'police', number: '113' }] },
};

export async function createTestApp(
  options: {
    initialise?: boolean;
    web?: Partial<WebOptions>;
    core?: Partial<CoreDeps>;
    emergencyNumbers?: EmergencyDirectory;
    telegramWebhook?: ServerDeps['telegramWebhook'];
  } = {},
) {
  const ctx = await createTestDeps(options.core);
  if (options.initialise ?? true)
    await initialiseDesk(ctx.deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
  const app = createApp({
    core: ctx.deps,
    web: {
      quickExitUrl: 'https://neutral.example/',
      onionAddress: undefined,
      rateLimitPerHour: 1000,
      ...options.web,
    },
    catalogs: CATALOGS,
    emergencyNumbers: options.emergencyNumbers ?? TEST_EMERGENCY,
    ...(options.telegramWebhook ? { telegramWebhook: options.telegramWebhook } : {}),
  });
  return { ...ctx, app };
}

export function form(fields: Record<string, string>): RequestInit {
  return {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  };
}

export function codenameFrom(html: string): string {
  const match = /id="receipt"[^>]*>\s*([\d ]+?)\s*</.exec(html);
  if (!match?.[1]) throw new Error('no codename in receipt');
  return match[1];
}
