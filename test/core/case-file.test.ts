import { describe, expect, it } from 'vitest';
import { Decrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import {
  addFollowUp,
  addNote,
  buildCaseFile,
  createDesk,
  initialiseDesk,
  isDomainError,
  readThread,
  submitTip,
  unlockReviewer,
  type CaseFileLabels,
  type CaseFileRequest,
  type TipId,
  type UnlockedReviewer,
} from '../../src/core/index.js';
import { fromUtf8, openCaseFile, utf8 } from '../../src/crypto/index.js';
import { createTestDeps, PASSPHRASE, scanForBytes, submission } from '../helpers.js';

const FILE = new Uint8Array(Buffer.from('OggS CASE-FILE-BYTES', 'latin1'));
const LABELS: CaseFileLabels = {
  title: 'Case file',
  intro: 'Exported on',
  received: 'Received',
  channel: 'Channel',
  language: 'Language',
  country: 'Country',
  place: 'Place',
  location: 'Location',
  when: 'When',
  danger: 'Danger',
  contact: 'Contact',
  message: 'Message',
  attachments: 'Files',
  download: 'Download',
  thread: 'Thread',
  noThread: 'No thread',
  damaged: 'damaged',
  yes: 'yes',
  no: 'no',
  from: { followup: 'Tipster', reply: 'Reply', note: 'Note' },
};
const GOOD = 'a partner passphrase';

async function caseWithThread() {
  const ctx = await createTestDeps();
  await initialiseDesk(ctx.deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
  const ana = await unlockReviewer(ctx.deps, 'ana', PASSPHRASE);
  const { tipId, codename } = await submitTip(ctx.deps, {
    ...submission('CASE-SECRET <script>alert(1)</script> & "quotes"', {
      fields: { message: 'CASE-SECRET <script>alert(1)</script> & "quotes"', place: 'Ruili' },
    }),
    attachments: [{ name: 'voice.ogg', mediaType: 'audio/ogg', bytes: FILE }],
  });
  await addFollowUp(ctx.deps, codename, 'CASE-FOLLOWUP more');
  await addNote(ctx.deps, ana, tipId, 'CASE-NOTE-SHARED for the partner');
  await addNote(ctx.deps, ana, tipId, 'CASE-NOTE-PRIVATE stays here');
  const notes = (await readThread(ctx.deps, ana, tipId)).filter((m) => m.kind === 'note');
  return { ...ctx, ana, tipId, shared: notes[0]?.id ?? '', privateNote: notes[1]?.id ?? '' };
}

const request = (tipId: TipId, extra: Partial<CaseFileRequest> = {}): CaseFileRequest => ({
  tipId,
  noteIds: [],
  target: { kind: 'passphrase', passphrase: GOOD, confirmation: GOOD },
  labels: LABELS,
  language: 'en',
  ...extra,
});

async function openedHtml(bytes: Uint8Array, deps: { sodium: Parameters<typeof openCaseFile>[0] }) {
  return fromUtf8(await openCaseFile(deps.sodium, utf8(GOOD), bytes));
}

describe('buildCaseFile', () => {
  it('makes one passphrase-encrypted HTML page with the fields, thread, chosen notes and the file', async () => {
    const { deps, ana, tipId, shared } = await caseWithThread();
    const file = await buildCaseFile(deps, ana, request(tipId, { noteIds: [shared] }));
    expect(file.fileName).toMatch(/^case-[0-9a-f]{8}-\d{8}\.html\.tlcf$/);
    const html = await openedHtml(file.bytes, deps);
    expect(html).toContain(
      'CASE-SECRET &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;',
    );
    expect(html).toContain('Ruili');
    expect(html).toContain('CASE-FOLLOWUP more');
    expect(html).toContain('CASE-NOTE-SHARED');
    expect(html).not.toContain('CASE-NOTE-PRIVATE');
    expect(html).toContain(
      `href="data:application/octet-stream;base64,${Buffer.from(FILE).toString('base64')}"`,
    );
    expect(html).toMatch(/download="tip-[0-9a-f]{8}-1\.ogg"/);
    expect(html).not.toContain('voice.ogg');
  });

  it('forbids scripts and every outside resource with a CSP meta, and has no script element', async () => {
    const { deps, ana, tipId } = await caseWithThread();
    const html = await openedHtml((await buildCaseFile(deps, ana, request(tipId))).bytes, deps);
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-[A-Za-z0-9+/=]+&#39;;/,
    );
    expect(html).not.toMatch(/<script|https?:\/\//i);
  });

  it('encrypts to an age X25519 recipient that the partner’s identity opens', async () => {
    const { deps, ana, tipId } = await caseWithThread();
    const identity = await generateX25519Identity();
    const recipient = await identityToRecipient(identity);
    const file = await buildCaseFile(
      deps,
      ana,
      request(tipId, { target: { kind: 'age', recipient } }),
    );
    expect(file.fileName).toMatch(/\.html\.age$/);
    const decrypter = new Decrypter();
    decrypter.addIdentity(identity);
    expect(await decrypter.decrypt(file.bytes, 'text')).toContain('CASE-SECRET');
  });

  it('records one audit entry that names the kind of file but no content, passphrase or recipient', async () => {
    const { deps, ana, tipId, shared, dataDir } = await caseWithThread();
    await buildCaseFile(deps, ana, request(tipId, { noteIds: [shared] }));
    const entries = (await deps.store.listAudit(0, 1000)).filter(
      (e) => e.action === 'tip.case_file',
    );
    expect(entries.map((e) => [e.subject, e.detail])).toEqual([
      [tipId, 'passphrase, 1 note(s), 1 file(s)'],
    ]);
    expect(scanForBytes(dataDir, 'CASE-NOTE-SHARED')).toEqual([]);
    expect(scanForBytes(dataDir, GOOD)).toEqual([]);
  });

  it.each([
    [
      'a short passphrase',
      { kind: 'passphrase', passphrase: 'short', confirmation: 'short' },
      'passphrase',
    ],
    ['an empty passphrase', { kind: 'passphrase', passphrase: '', confirmation: '' }, 'passphrase'],
    [
      'a mismatched confirmation',
      { kind: 'passphrase', passphrase: GOOD, confirmation: `${GOOD}!` },
      'confirmation',
    ],
    ['a malformed age recipient', { kind: 'age', recipient: 'age1notakey' }, 'recipient'],
    [
      'an age recipient with a bad checksum',
      { kind: 'age', recipient: `age1${'q'.repeat(58)}` },
      'recipient',
    ],
  ] as const)('refuses %s and audits nothing', async (_name, target, field) => {
    const { deps, ana, tipId } = await caseWithThread();
    const error = await buildCaseFile(deps, ana, request(tipId, { target })).catch(
      (e: unknown) => e,
    );
    expect(isDomainError(error, 'invalid_input') && error.field).toBe(field);
    expect((await deps.store.listAudit(0, 1000)).some((e) => e.action === 'tip.case_file')).toBe(
      false,
    );
  });

  it('refuses a note that is not a note of this case', async () => {
    const { deps, ana, tipId } = await caseWithThread();
    const error = await buildCaseFile(
      deps,
      ana,
      request(tipId, { noteIds: ['0'.repeat(32)] }),
    ).catch((e: unknown) => e);
    expect(isDomainError(error, 'invalid_input') && error.field).toBe('notes');
  });

  it('refuses an unknown tip as not found', async () => {
    const { deps, ana } = await caseWithThread();
    const error = await buildCaseFile(deps, ana, request('f'.repeat(32) as TipId)).catch(
      (e: unknown) => e,
    );
    expect(isDomainError(error, 'not_found')).toBe(true);
  });

  it('refuses a tip on a desk whose key the reviewer does not hold', async () => {
    const { deps, ana, tipId } = await caseWithThread();
    const partner = await createDesk(deps, ana, 'partner');
    const keys = new Set((await deps.store.listDeskKeys(partner)).map((k) => k.id));
    const onlyPartner: UnlockedReviewer = {
      ...ana,
      deskKeys: new Map([...ana.deskKeys].filter(([id]) => keys.has(id))),
    };
    const error = await buildCaseFile(deps, onlyPartner, request(tipId)).catch((e: unknown) => e);
    expect(isDomainError(error, 'forbidden')).toBe(true);
  });
});
