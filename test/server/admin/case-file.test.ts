import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { addNote, readThread, submitTip, unlockReviewer } from '../../../src/core/index.js';
import { PASSPHRASE, scanForBytes, submission, tempDir } from '../../helpers.js';
import { runCli } from '../../cli/run-cli.js';
import { createDeskTest, DeskClient, enrolAndLogIn } from './desk-harness.js';

const SECRET = 'CASEFILE-HTTP-SECRET near the border';
const NOTE = 'CASEFILE-HTTP-NOTE for the partner';
const PASS = 'a partner passphrase';

async function deskWithCase() {
  const test = await createDeskTest();
  const client = new DeskClient(test.app);
  await enrolAndLogIn(test, client);
  const { tipId } = await submitTip(test.deps, {
    ...submission(SECRET),
    attachments: [
      { name: 'v.ogg', mediaType: 'audio/ogg', bytes: new Uint8Array(Buffer.from('OggS HTTP')) },
    ],
  });
  const ana = await unlockReviewer(test.deps, 'ana', PASSPHRASE);
  await addNote(test.deps, ana, tipId, NOTE);
  const noteId = (await readThread(test.deps, ana, tipId))[0]?.id ?? '';
  ana.wipe();
  await client.get(`/admin/tips/${tipId}`);
  return { test, client, tipId, noteId };
}

const caseFileAudits = async (test: Awaited<ReturnType<typeof deskWithCase>>['test']) =>
  (await test.deps.store.listAudit(0, 10_000)).filter((e) => e.action === 'tip.case_file');

/** Writes the downloaded bytes where a partner would, and opens them with the built CLI. */
function openWithCli(bytes: ArrayBuffer, args: readonly string[], env: Record<string, string>) {
  const work = tempDir();
  const file = join(work, 'download');
  writeFileSync(file, new Uint8Array(bytes));
  return runCli(['open-case', file, ...args], env);
}

describe('the desk’s case file download', () => {
  it('offers the form on the tip page, with the notes to choose', async () => {
    const { client, noteId } = await deskWithCase();
    expect(client.lastHtml).toContain('Download case file');
    expect(client.lastHtml).toContain(`name="note" value="${noteId}"`);
  });

  it('answers a passphrase case file as an attachment download that tipline open-case opens', async () => {
    const { test, client, tipId, noteId } = await deskWithCase();
    const response = await client.post(`/admin/tips/${tipId}/case-file`, {
      to: 'passphrase',
      passphrase: PASS,
      confirmation: PASS,
      note: noteId,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="case-[0-9a-f]{8}-\d{8}\.html\.tlcf"$/,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const opened = openWithCli(await response.arrayBuffer(), [], { TIPLINE_CASE_PASSPHRASE: PASS });
    expect(opened.status).toBe(0);
    expect(opened.stdout).toContain(SECRET);
    expect(opened.stdout).toContain(NOTE);
    expect(opened.stdout).toContain('Case file');
    expect(await caseFileAudits(test)).toHaveLength(1);
    expect(scanForBytes(test.dataDir, SECRET)).toEqual([]);
    expect(scanForBytes(test.dataDir, NOTE)).toEqual([]);
    expect(scanForBytes(test.dataDir, PASS)).toEqual([]);
  });

  it('answers an age case file, without the notes left unticked, that open-case opens with the identity', async () => {
    const { client, tipId } = await deskWithCase();
    const identity = await generateX25519Identity();
    const response = await client.post(`/admin/tips/${tipId}/case-file`, {
      to: 'age',
      recipient: await identityToRecipient(identity),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/\.html\.age"$/);
    const keyFile = join(tempDir(), 'partner.key');
    writeFileSync(keyFile, `${identity}\n`);
    const opened = openWithCli(await response.arrayBuffer(), ['--identity', keyFile], {});
    expect(opened.status).toBe(0);
    expect(opened.stdout).toContain(SECRET);
    expect(opened.stdout).not.toContain(NOTE);
  });

  it('refuses a post without the CSRF token and makes nothing', async () => {
    const { test, client, tipId } = await deskWithCase();
    const response = await client.post(
      `/admin/tips/${tipId}/case-file`,
      { to: 'passphrase', passphrase: PASS, confirmation: PASS },
      { csrf: null },
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(await caseFileAudits(test)).toEqual([]);
  });

  it.each([
    [
      'a short passphrase',
      { to: 'passphrase', passphrase: 'short', confirmation: 'short' },
      'at least 12 characters',
    ],
    [
      'an empty passphrase',
      { to: 'passphrase', passphrase: '', confirmation: '' },
      'at least 12 characters',
    ],
    [
      'a mismatched confirmation',
      { to: 'passphrase', passphrase: PASS, confirmation: 'another passphrase' },
      'The two passphrases differ',
    ],
    [
      'a bad age recipient',
      { to: 'age', recipient: 'age1notarecipient' },
      'not a valid age public key',
    ],
    [
      'no choice of target',
      { passphrase: PASS, confirmation: PASS },
      'Choose a passphrase or an age public key',
    ],
  ] as const)(
    'refuses %s with the tip page and why, and makes nothing',
    async (_name, fields, why) => {
      const { test, client, tipId } = await deskWithCase();
      const response = await client.post(`/admin/tips/${tipId}/case-file`, fields);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('content-disposition')).toBeNull();
      expect(client.lastHtml).toContain(why);
      expect(client.lastHtml).toContain('No case file was made');
      expect(await caseFileAudits(test)).toEqual([]);
    },
  );

  it('refuses an unknown tip as not found and makes nothing', async () => {
    const { test, client } = await deskWithCase();
    const response = await client.post(`/admin/tips/${'f'.repeat(32)}/case-file`, {
      to: 'passphrase',
      passphrase: PASS,
      confirmation: PASS,
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(await caseFileAudits(test)).toEqual([]);
  });
});
