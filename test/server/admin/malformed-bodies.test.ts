import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDeskTest, DeskClient, enrolAndLogIn, ORIGIN } from './desk-harness.js';

const encoder = new TextEncoder();

/** A well-formed multipart body for `fields`, framed with `boundary`. */
function multipart(boundary: string, fields: Record<string, string>): Uint8Array {
  const parts = Object.entries(fields).map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return encoder.encode(`${parts.join('')}--${boundary}--\r\n`);
}

const BOUNDARY = 'tipline-fuzz-boundary';
const LOGIN_FIELDS = { name: 'ana', passphrase: 'not the passphrase', code: '123456' };

/** Content types a broken or hostile client might send with a multipart-looking body. */
const contentType = fc.constantFrom(
  'multipart/form-data',
  'multipart/form-data;',
  'multipart/form-data; boundary=',
  'multipart/form-data; boundary=""',
  `multipart/form-data; boundary=${BOUNDARY}`,
  `multipart/form-data; boundary="${BOUNDARY}"`,
  'multipart/form-data; boundary=wrong-boundary',
  `Multipart/Form-Data; boundary=${BOUNDARY}`,
  `multipart/form-data; boundary=${BOUNDARY}; charset=utf-8`,
  `multipart/form-data; boundary=${'b'.repeat(200)}`,
);

/** A valid body cut short, bytes flipped or spliced in, or plain noise. */
const body = fc.oneof(
  fc.nat({ max: 400 }).map((cut) => multipart(BOUNDARY, LOGIN_FIELDS).subarray(0, cut)),
  fc
    .tuple(fc.nat({ max: 300 }), fc.uint8Array({ minLength: 1, maxLength: 16 }))
    .map(([at, junk]) => {
      const valid = multipart(BOUNDARY, LOGIN_FIELDS);
      const out = new Uint8Array(valid);
      out.set(junk.subarray(0, Math.max(0, out.length - at)), Math.min(at, out.length));
      return out;
    }),
  fc.string({ maxLength: 60 }).map((boundary) => multipart(boundary, LOGIN_FIELDS)),
  fc
    .string({ maxLength: 40 })
    .map((name) =>
      encoder.encode(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="x\r\n\r\nno end`,
      ),
    ),
  fc.uint8Array({ maxLength: 400 }),
);

describe('malformed form bodies at the desk', () => {
  it('never answers 5xx to about 200 broken multipart bodies at /admin/login and /admin/recover', async () => {
    const test = await createDeskTest();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/admin/login', '/admin/recover'),
        contentType,
        body,
        async (path, type, bytes) => {
          const response = await test.app.request(`${ORIGIN}${path}`, {
            method: 'POST',
            body: bytes,
            headers: { 'content-type': type, origin: ORIGIN },
          });
          await response.arrayBuffer();
          expect(response.status, `${path} ${type}`).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
    expect(test.logLines.join('\n')).not.toContain('http.unhandled');
  });

  it('never answers 5xx to the same bodies at the tipster routes, which share the parse', async () => {
    const test = await createDeskTest();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/tips', '/api/tips', '/inbox', '/inbox/followup'),
        contentType,
        body,
        async (path, type, bytes) => {
          const response = await test.app.request(`${ORIGIN}${path}`, {
            method: 'POST',
            body: bytes,
            headers: { 'content-type': type },
          });
          await response.arrayBuffer();
          expect(response.status, `${path} ${type}`).toBeLessThan(500);
        },
      ),
      { numRuns: 100 },
    );
    expect(test.logLines.join('\n')).not.toContain('http.unhandled');
  });

  it('answers a multipart body with a missing or wrong boundary with 400 at both routes', async () => {
    const test = await createDeskTest();
    for (const path of ['/admin/login', '/admin/recover']) {
      for (const type of ['multipart/form-data', 'multipart/form-data; boundary=wrong']) {
        const response = await test.app.request(`${ORIGIN}${path}`, {
          method: 'POST',
          body: multipart(BOUNDARY, LOGIN_FIELDS),
          headers: { 'content-type': type, origin: ORIGIN },
        });
        expect(response.status, `${path} ${type}`).toBe(400);
        expect(await response.text()).toContain('The form did not arrive whole');
      }
    }
    expect(test.logLines.join('\n')).not.toContain('http.unhandled');
  });

  it('answers a truncated multipart body from a logged-in reviewer with 400, and changes nothing', async () => {
    const test = await createDeskTest();
    const client = new DeskClient(test.app);
    await enrolAndLogIn(test, client);
    const response = await test.app.request(`${ORIGIN}/admin/logout`, {
      method: 'POST',
      body: multipart(BOUNDARY, { _csrf: client.csrf() ?? '' }).subarray(0, 30),
      headers: {
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        origin: ORIGIN,
        cookie: `__Host-tipline-desk=${client.cookie ?? ''}`,
      },
    });
    expect(response.status).toBe(400);
    expect((await client.get('/admin')).status).toBe(200);
    expect(test.logLines.join('\n')).not.toContain('http.unhandled');
  });

  it('still reads a well-formed multipart login', async () => {
    const test = await createDeskTest();
    const response = await test.app.request(`${ORIGIN}/admin/login`, {
      method: 'POST',
      body: multipart(BOUNDARY, LOGIN_FIELDS),
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, origin: ORIGIN },
    });
    expect(response.status).toBe(401);
  });
});
