import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Hono } from 'hono';
import type { CoreDeps } from '../../src/core/index.js';
import { createTestApp } from '../server/test-app.js';
import { createDeskTest, DeskClient, enrolAndLogIn, ORIGIN } from '../server/admin/desk-harness.js';

/**
 * Random and mutated requests to every POST route, in-process. For each: no 5xx, no stack trace
 * or file path in the answer, an answer within 5 s, and for a refused request (4xx) no new tip
 * and no new audit entry. Bounded: a few hundred requests per group, ~20 s in all.
 *
 * Malformed multipart bodies go to every route too, the desk's included: they share one safe
 * form parse (readFormBody) that answers 400.
 */
const RUNS = Number(process.env.TIPLINE_FUZZ_RUNS ?? 100);
const STACK = /\bat [\w.<>$]+ \(|node:internal|\.tsx?:\d+|\bError: |SQLITE_/;

const FIELD_NAMES = [
  'message', 'country', 'place', 'when', 'danger', 'contact', 'desk', 'lang', 'codename',
  'attachments', 'envelope', 'attachment', 'pow-token', 'pow-nonce', '_csrf', 'name',
  'passphrase', 'code', 'token', 'tip', 'status', 'assignee', 'label', 'priority', 'labels',
  'text', 'note', 'reply', 'current', 'next', 'confirm', 'role', 'recovery', 'recoveryKey',
]; // prettier-ignore

const text = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 200, unit: 'grapheme' }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 64, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.constantFrom('yes', 'no', 'unknown', 'RS', 'other', 'closed', 'none', 'en', 'vi', '1234 5678 9012 3456 7890') },
  { weight: 1, arbitrary: fc.integer({ min: 20_001, max: 70_000 }).map((n) => 'x'.repeat(n)) },
); // prettier-ignore
const name = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...FIELD_NAMES) },
  fc.string({ maxLength: 20 }),
);
const pairs = fc.array(fc.tuple(name, text), { maxLength: 10 });
const fileParts = fc.array(
  fc.record({
    field: fc.constantFrom('attachments', 'envelope', 'attachment', 'message'),
    name: fc.string({ maxLength: 40 }),
    type: fc.constantFrom('', 'image/jpeg', 'image/png', 'application/pdf', 'text/plain', 'x/../../etc', 'image/svg+xml'),
    bytes: fc.uint8Array({ maxLength: 4096 }),
  }),
  { maxLength: 4 },
); // prettier-ignore

/** A multipart body written out by hand, so it can be damaged afterwards. */
function rawMultipart(boundary: string, parts: [string, string][]): string {
  return (
    parts
      .map(
        ([n, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`,
      )
      .join('') + `--${boundary}--\r\n`
  );
}

type Body = { body?: string | FormData | Uint8Array; headers: Record<string, string> };

const wellFormed = fc.oneof(
  pairs.map((p): Body => ({
    body: new URLSearchParams(p).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })),
  fc.tuple(pairs, fileParts).map(([p, files]): Body => {
    const form = new FormData();
    for (const [n, v] of p) form.append(n, v);
    for (const f of files) form.append(f.field, new File([f.bytes], f.name, { type: f.type }));
    return { body: form, headers: {} };
  }),
  fc.tuple(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom('application/json', 'text/plain', '', 'application/x-www-form-urlencoded; charset=utf-16', 'application/octet-stream')).map(
    ([bytes, type]): Body => ({ body: bytes, headers: type ? { 'content-type': type } : {} }),
  ),
  fc.constant<Body>({ headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
); // prettier-ignore

/** Multipart that the parser may refuse: cut, flipped, wrong boundary, no boundary, junk. */
const malformedMultipart = fc
  .tuple(
    pairs,
    fc.string({ minLength: 1, maxLength: 70 }),
    fc.constantFrom('cut', 'flip', 'wrong-boundary', 'no-boundary', 'junk', 'no-final'),
    fc.nat(),
    fc.uint8Array({ minLength: 1, maxLength: 64 }),
  )
  .map(([p, boundary, how, at, junk]): Body => {
    const safe = boundary.replace(/[^\w'()+,./:=?-]/g, 'b');
    let raw = Buffer.from(rawMultipart(safe, p));
    let type = `multipart/form-data; boundary=${safe}`;
    if (how === 'cut') raw = raw.subarray(0, at % raw.length);
    if (how === 'flip') raw[at % raw.length] = (raw[at % raw.length] ?? 0) ^ 0xff;
    if (how === 'wrong-boundary') type = `multipart/form-data; boundary=${safe}x`;
    if (how === 'no-boundary') type = 'multipart/form-data';
    if (how === 'junk') raw = Buffer.concat([raw.subarray(0, at % raw.length), junk, raw.subarray(at % raw.length)]);
    if (how === 'no-final') raw = Buffer.from(raw.toString('latin1').replace(/--\r\n$/, ''), 'latin1');
    return { body: new Uint8Array(raw), headers: { 'content-type': type } };
  }); // prettier-ignore

/**
 * What a refused request must not change: tips (count, status, assignee, sealed triage), their
 * threads, reviewers, invitations, and the audit log. A `tip.view` entry is not a change: a
 * refused triage form shows the tip again with the error, and that view is audited.
 */
async function stateOf(deps: CoreDeps) {
  const tips = await deps.store.listTips({ limit: 1_000 });
  const hex = (bytes: Uint8Array | null) => (bytes ? Buffer.from(bytes).toString('hex') : '');
  return {
    tips: await deps.store.countTips(),
    rows: JSON.stringify({
      tips: await Promise.all(
        tips.map(async (t) => [t.id, t.status, t.assigneeId, hex(t.triage), (await deps.store.listMessages(t.id)).length]),
      ),
      reviewers: (await deps.store.listReviewers()).map((r) => [r.id, r.revokedAt, hex(r.verifier)]),
      invitations: (await deps.store.listInvitations()).length,
    }),
    audit: (await deps.store.listAudit(0, 1_000_000)).filter((a) => a.action !== 'tip.view').length,
  };
} // prettier-ignore

/** Posts `body` to `path` and checks the answer; a refused request must leave no trace. */
async function probe(
  app: Hono,
  deps: CoreDeps,
  path: string,
  input: Body,
  extraHeaders: Record<string, string> = {},
  { auditsFailures = false } = {},
): Promise<number> {
  const before = await stateOf(deps);
  let timer: NodeJS.Timeout | undefined;
  const response = await Promise.race([
    Promise.resolve(
      app.request(`${ORIGIN}${path}`, {
        method: 'POST',
        ...(input.body !== undefined ? { body: input.body } : {}),
        headers: { origin: ORIGIN, ...input.headers, ...extraHeaders },
      }),
    ),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within 5 s from ${path}`)), 5_000);
    }),
  ]).finally(() => clearTimeout(timer));
  const body = await response.text();
  expect(response.status, `${path} answered ${response.status}: ${body.slice(0, 200)}`).toBeLessThan(500);
  expect(body).not.toMatch(STACK);
  if (response.status >= 400) {
    const after = await stateOf(deps);
    expect(after.tips, `${path} stored a tip for a refused request`).toBe(before.tips);
    expect(after.rows, `${path} changed state for a refused request`).toBe(before.rows);
    expect(after.rows, `${path} changed state for a refused request`).toBe(before.rows);
    // a failed login or recovery is audited by design; nothing else a refusal may write
    if (!auditsFailures) expect(after.audit, `${path} wrote an audit entry for a refused request`).toBe(before.audit);
  }
  return response.status;
} // prettier-ignore

describe('random and mutated requests to every POST route', () => {
  it('the tipster routes answer with a 2xx or a 4xx and store nothing they refuse', async () => {
    const { app, deps } = await createTestApp();
    const statuses = new Set<number>();
    for (const path of ['/tips', '/api/tips', '/inbox', '/inbox/followup']) {
      await fc.assert(
        fc.asyncProperty(fc.oneof(wellFormed, malformedMultipart), async (input) => {
          statuses.add(await probe(app, deps, path, input));
        }),
        { numRuns: RUNS },
      );
    }
    // the generators reach both sides: some tips are accepted, most refused
    expect(statuses).toContain(200);
    expect(statuses).toContain(400);
  });

  it('the desk routes without a session answer with a 4xx or a redirect and change nothing', async () => {
    const test = await createDeskTest();
    const paths = [
      '/admin/login', '/admin/recover', '/admin/logout', '/admin/setup', '/admin/setup/confirm',
      '/admin/enrol', '/admin/join', '/admin/tips/bulk', '/admin/tips/x/triage',
      '/admin/tips/x/notes', '/admin/tips/x/reply', '/admin/account/passphrase',
      '/admin/people/invite', '/admin/desks', '/admin/people/x/grant', '/admin/people/x/revoke',
      '/admin/people/x/totp-reset',
    ]; // prettier-ignore
    for (const path of paths) {
      const inputs = fc.oneof(wellFormed, malformedMultipart);
      await fc.assert(
        fc.asyncProperty(inputs, async (input) => {
          await probe(test.app, test.deps, path, input, {}, { auditsFailures: path === '/admin/login' || path === '/admin/recover' });
        }),
        { numRuns: Math.ceil(RUNS / 3) },
      );
    }
  }); // prettier-ignore

  it('the desk routes of a logged-in reviewer refuse bad forms with a 4xx and change nothing', async () => {
    const test = await createDeskTest();
    const client = new DeskClient(test.app);
    await enrolAndLogIn(test, client);
    const tip = await test.app.request('/tips', {
      method: 'POST',
      body: new URLSearchParams({ message: 'a tip to triage' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(tip.status).toBe(200);
    const tipId = (await test.deps.store.listTips({ limit: 1 }))[0]!.id;
    // found by this fuzzing: a bad triage form for a tip that does not exist answered 500
    await client.get('/admin');
    const missing = await client.post('/admin/tips/nope/triage', { status: 'no such status' });
    expect(missing.status).toBe(404);
    await client.get('/admin');
    const csrf = client.csrf()!;
    const cookie = `__Host-tipline-desk=${client.cookie!}`;
    const paths = [
      '/admin/tips/bulk', `/admin/tips/${tipId}/triage`, `/admin/tips/${tipId}/notes`,
      `/admin/tips/${tipId}/reply`, '/admin/tips/nope/triage', '/admin/account/passphrase',
      '/admin/people/invite', '/admin/people/nope/grant', '/admin/people/nope/revoke',
      '/admin/people/nope/totp-reset', '/admin/enrol',
    ]; // prettier-ignore
    // the CSRF token goes in every form so that the handler itself reads the random fields
    const withCsrf = fc.tuple(pairs, fc.boolean()).map(([p, multipart]): Body => {
      const all: [string, string][] = [['_csrf', csrf], ...p];
      if (!multipart) return { body: new URLSearchParams(all).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
      const form = new FormData();
      for (const [n, v] of all) form.append(n, v);
      return { body: form, headers: {} };
    }); // prettier-ignore
    for (const path of paths) {
      const inputs = fc.oneof(withCsrf, wellFormed, malformedMultipart);
      await fc.assert(
        fc.asyncProperty(inputs, async (input) => {
          await probe(test.app, test.deps, path, input, { cookie });
        }),
        { numRuns: Math.ceil(RUNS / 3) },
      );
    }
    // still logged in: the fuzzing did not end the session or break the desk
    expect((await client.get('/admin')).status).toBe(200);
  }); // prettier-ignore
});
