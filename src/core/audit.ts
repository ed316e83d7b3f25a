import { concatBytes, constantTimeEqual } from '../crypto/index.js';
import { DomainError } from './errors.js';
import type { CoreDeps } from './deps.js';
import type { AuditRecord, ReviewerRecord } from './ports.js';

/*
 * The audit log is a hash chain: hash_n = BLAKE2b-256(hash_{n-1} | canonical JSON of entry n),
 * starting from 32 zero bytes. Editing, removing or reordering an entry breaks every later
 * link. Cutting entries off the end leaves a valid shorter chain, so `tipline audit verify`
 * prints the head hash for admins to note elsewhere; a chain that no longer reaches a noted
 * head has lost entries. Entries hold reviewer ids and actions, never addresses or tip content.
 */

export const AUDIT_ACTIONS = [
  'desk.init',
  'reviewer.add',
  'reviewer.revoke',
  'reviewer.recover',
  'recovery.split',
  'desk.rotate',
  'tips.export',
  'store.backup',
  'store.migrate',
  'tips.purge',
  'reviewer.passphrase',
  'reviewer.grant',
  'reviewer.invite',
  'reviewer.join',
  'reviewer.totp_reset',
  'reviewer.totp_enrol',
  'reviewer.locale',
  'login',
  'login.failed',
  'logout',
  'tip.view',
  'tip.status',
  'tip.assign',
  'tip.triage',
  'tip.note',
  'tip.reply',
  'attachment.download',
  'desk.create',
  'desk.check_back',
  'alerts.set',
  'alert.sent',
  'alert.failed',
  'reviewer.passkey_add',
  'reviewer.passkey_remove',
  'desk.passkeys_required',
  'tip.move_out',
  'tip.move_in',
  'tip.case_file',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const GENESIS: Uint8Array = new Uint8Array(32);
const encoder = new TextEncoder();

function entryBytes(entry: Omit<AuditRecord, 'previousHash' | 'hash'>): Uint8Array {
  return encoder.encode(
    JSON.stringify([
      entry.sequence,
      entry.at,
      entry.actor,
      entry.action,
      entry.subject,
      entry.detail,
    ]),
  );
}

function chainHash(
  deps: CoreDeps,
  previous: Uint8Array,
  entry: Omit<AuditRecord, 'previousHash' | 'hash'>,
): Uint8Array {
  return deps.sodium.crypto_generichash(32, concatBytes(previous, entryBytes(entry)), null);
}

/** Appends one entry. `actor` is a reviewer id, or "cli" for the operator at the command line. */
export async function recordAudit(
  deps: CoreDeps,
  entry: { actor: string; action: AuditAction; subject?: string; detail?: string },
): Promise<AuditRecord> {
  return deps.store.transaction(async () => {
    const last = await deps.store.lastAudit();
    const base = {
      sequence: (last?.sequence ?? 0) + 1,
      at: deps.clock(),
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject ?? null,
      detail: entry.detail ?? null,
    };
    const previousHash = last?.hash ?? GENESIS;
    const record: AuditRecord = {
      ...base,
      previousHash,
      hash: chainHash(deps, previousHash, base),
    };
    await deps.store.appendAudit(record);
    return record;
  });
}

export type AuditVerification =
  | { readonly ok: true; readonly entries: number; readonly head: string }
  | {
      readonly ok: false;
      readonly entries: number;
      readonly brokenAt: number;
      readonly reason: 'gap' | 'link' | 'hash';
    };

/** Walks the whole chain; reports the first entry that was edited, removed or moved. */
export async function verifyAuditChain(
  deps: CoreDeps,
  pageSize = 1000,
): Promise<AuditVerification> {
  let previous: Uint8Array = GENESIS;
  let expected = 1;
  let entries = 0;
  for (;;) {
    const page = await deps.store.listAudit(expected - 1, pageSize);
    for (const record of page) {
      if (record.sequence !== expected)
        return { ok: false, entries, brokenAt: expected, reason: 'gap' };
      if (!constantTimeEqual(deps.sodium, record.previousHash, previous)) {
        return { ok: false, entries, brokenAt: record.sequence, reason: 'link' };
      }
      if (!constantTimeEqual(deps.sodium, chainHash(deps, previous, record), record.hash)) {
        return { ok: false, entries, brokenAt: record.sequence, reason: 'hash' };
      }
      previous = record.hash;
      expected++;
      entries++;
    }
    if (page.length < pageSize) return { ok: true, entries, head: deps.sodium.to_hex(previous) };
  }
}

export interface AuditPage {
  /** Newest first. */
  readonly entries: readonly AuditRecord[];
  /** Pass as `before` for the next (older) page; undefined on the oldest page. */
  readonly older: number | undefined;
}

export const AUDIT_PAGE_LIMIT = 100;

/**
 * One page of the audit log for an admin, newest first: the entries with a sequence number
 * below `before` (default: from the newest). Throws DomainError('forbidden') for anyone else.
 */
export async function listAuditPage(
  deps: CoreDeps,
  viewer: ReviewerRecord,
  page: { readonly before?: number; readonly limit?: number } = {},
): Promise<AuditPage> {
  if (viewer.role !== 'admin' || viewer.revokedAt !== null)
    throw new DomainError('forbidden', 'admins only');
  const limit = Math.min(Math.max(1, Math.floor(page.limit ?? AUDIT_PAGE_LIMIT)), 1000);
  const end = ((await deps.store.lastAudit())?.sequence ?? 0) + 1;
  const before =
    page.before !== undefined && Number.isSafeInteger(page.before)
      ? Math.min(Math.max(1, page.before), end)
      : end;
  const from = Math.max(0, before - 1 - limit);
  const entries = (await deps.store.listAudit(from, before - 1 - from)).reverse();
  return { entries, older: from > 0 ? from + 1 : undefined };
}
