import { describe, expect, it } from 'vitest';
import { createInProcessScanner, submitTip, type SealedScanner } from '../../../src/core/index.js';
import { loadSodium } from '../../../src/crypto/index.js';
import { submission } from '../../helpers.js';
import { createDeskTest, DeskClient, enrolAndLogIn } from './desk-harness.js';

/** The in-process scanner, with each task held back until `release()` (a scan that runs a while). */
async function gatedScanner() {
  const inner = createInProcessScanner(await loadSodium());
  let open = false;
  const waiting: (() => void)[] = [];
  const gate = () => (open ? Promise.resolve() : new Promise<void>((r) => waiting.push(r)));
  const scanner: SealedScanner = {
    ...inner,
    openTips: async (keys, tips) => {
      await gate();
      return inner.openTips(keys, tips);
    },
    openSegments: async (keys, segments) => {
      await gate();
      return inner.openSegments(keys, segments);
    },
  };
  return { scanner, release: () => ((open = true), waiting.splice(0).forEach((r) => r())) };
}

async function loggedIn(scanner?: SealedScanner) {
  const test = await createDeskTest(scanner ? { core: { scanner } } : {});
  const client = new DeskClient(test.app);
  await enrolAndLogIn(test, client);
  return { test, client };
}

describe('searching from the desk', () => {
  it('shows "still searching" with a reload and a stop button while the scan runs, then the results', async () => {
    const { scanner, release } = await gatedScanner();
    const { test, client } = await loggedIn(scanner);
    for (let i = 0; i < 3; i++) await submitTip(test.deps, submission(`harbour tip ${i}`));
    // the session reads the index segments in the (held-back) scanner before it can answer
    const first = await client.get('/admin?language=en');
    expect(first.status).toBe(200);
    expect(client.lastHtml).toContain('Still searching');
    const refresh = /http-equiv="refresh" content="2;url=([^"]+)"/.exec(client.lastHtml)?.[1];
    expect(refresh).toMatch(/scan=[0-9a-f]+/);
    release();
    await client.get(refresh!.replace(/&amp;/g, '&'));
    expect(client.lastHtml).not.toContain('Still searching');
    expect(client.lastHtml).not.toContain('http-equiv="refresh"');
    expect(client.lastHtml).toContain('harbour tip 2');
    expect(client.lastHtml).toContain('3 tips');
  });

  it('stops a running search with a POST carrying the CSRF token', async () => {
    const { scanner, release } = await gatedScanner();
    const { test, client } = await loggedIn(scanner);
    await submitTip(test.deps, submission('harbour'));
    await client.get('/admin?danger=yes');
    const action = /<form method="post" action="(\/admin\/search\/cancel[^"]*)"/.exec(
      client.lastHtml,
    )?.[1];
    expect(action).toBeDefined();
    const path = action!.replace(/&amp;/g, '&');
    expect((await client.post(path, {}, { csrf: null })).status).toBe(403);
    const stopped = await client.post(path, {});
    expect(stopped.status).toBe(303);
    release();
    await client.get(stopped.headers.get('location')!);
    expect(client.lastHtml).toContain('The search was stopped');
  });

  it('answers a search over 200 characters or with control characters with a clear message', async () => {
    const { client } = await loggedIn();
    const long = await client.get(`/admin?q=${'a'.repeat(201)}`);
    expect(long.status).toBe(400);
    expect(client.lastHtml).toContain('longer than 200 characters');
    const control = await client.get('/admin?q=ab%07cd');
    expect(control.status).toBe(400);
    expect(client.lastHtml).toContain('control characters');
    expect((await client.get(`/admin?q=${'a'.repeat(200)}`)).status).toBe(200);
  });
});
