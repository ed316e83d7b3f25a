import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  activeReviewerByName,
  createTelegramLinkCode,
  isDomainError,
  setEmailAlerts,
  turnAlertsOff,
  addReviewer,
  auditActorOf,
  purgeClosedTips,
  recordAudit,
  verifyAuditChain,
  exportTips,
  describeAnswers,
  type TipAnswers,
  initialiseDesk,
  recoverReviewer,
  parseShareCounts,
  splitRecoveryKey,
  revokeReviewer,
  unlockReviewer,
  unlockWithRecoveryKey,
  type CoreDeps,
  type UnlockedDesks,
  backupStore,
  listDesks,
  listReviewers,
  readAuditEntries,
  copyStoreInto,
} from '../core/index.js';
import type { Config } from '../config/config.js';
import { openTargetStore } from '../compose.js';
import { CliUsageError } from './cli-errors.js';
import { isLocale, LOCALES } from '../i18n/locales.js';
import { readSecretFile, secretFromFileOrPrompt } from './secret-input.js';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

type Options = Record<string, { type: 'string' | 'boolean' }>;

function parse<O extends Options>(args: readonly string[], options: O, positionals = 0) {
  try {
    const parsed = parseArgs({
      args: [...args],
      options,
      allowPositionals: positionals > 0,
      strict: true,
    });
    if (parsed.positionals.length > positionals) throw new CliUsageError('too many arguments');
    return parsed;
  } catch (error) {
    if (error instanceof CliUsageError) throw error;
    throw new CliUsageError((error as Error).message.split('\n')[0] ?? 'bad arguments');
  }
}

function required(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== 'string' || value === '') throw new CliUsageError(`${flag} is required`);
  return value;
}

const decoder = new TextDecoder();

/** Unlocks desk keys with a reviewer's passphrase or with the recovery key. */
async function unlockFor(
  deps: CoreDeps,
  values: {
    reviewer?: string | boolean | undefined;
    'passphrase-file'?: string | boolean | undefined;
    'recovery-key-file'?: string | boolean | undefined;
  },
  reviewerFlag = '--reviewer',
  passphraseFlag = '--passphrase-file',
): Promise<UnlockedDesks> {
  const recoveryFile = values['recovery-key-file'];
  if (typeof recoveryFile === 'string') {
    const key = readSecretFile(recoveryFile);
    try {
      return await unlockWithRecoveryKey(deps, decoder.decode(key));
    } finally {
      key.fill(0);
    }
  }
  const name = required(values.reviewer, `${reviewerFlag} (or --recovery-key-file)`);
  const passphraseFile = values['passphrase-file'];
  const passphrase = await secretFromFileOrPrompt(
    typeof passphraseFile === 'string' ? passphraseFile : undefined,
    `Passphrase for ${name} (${passphraseFlag}): `,
  );
  try {
    return await unlockReviewer(deps, name, passphrase);
  } finally {
    passphrase.fill(0);
  }
}

export async function initCommand(
  deps: CoreDeps,
  args: readonly string[],
  io: CliIo,
): Promise<number> {
  const { values } = parse(args, {
    reviewer: { type: 'string' },
    'passphrase-file': { type: 'string' },
    'recovery-key-out': { type: 'string' },
    desk: { type: 'string' },
    shares: { type: 'string' },
  });
  const name = required(values.reviewer, '--reviewer');
  const out = required(values['recovery-key-out'], '--recovery-key-out');
  const counts = values.shares === undefined ? undefined : parseShareCounts(values.shares);
  if (values.shares !== undefined && !counts)
    throw new CliUsageError('--shares must be M-of-N with 2 <= M <= N <= 16, e.g. 3-of-5');
  const passphrase = await secretFromFileOrPrompt(
    values['passphrase-file'],
    `New passphrase for ${name}: `,
  );
  try {
    const result = await initialiseDesk(deps, {
      reviewerName: name,
      passphrase,
      ...(values.desk ? { deskName: values.desk } : {}),
    });
    // with --shares, the file holds the N shares instead of the key (the key is never written)
    const secret = counts
      ? (await splitRecoveryKey(deps, result.recoveryKey, counts, 'cli')).join('\n\n')
      : result.recoveryKey;
    const what = counts
      ? `${counts.total} recovery shares (any ${counts.threshold} restore the key)`
      : 'the recovery key';
    try {
      // wx: never overwrite an existing file; 0600: only the operator may read it
      writeFileSync(out, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    } catch {
      io.err(
        `tipline: could not write ${what} to ${out}; printed below ONCE. Copy it now.\n${secret}\n`,
      );
      return 1;
    }
    io.out(
      counts
        ? `Initialised desk with admin reviewer ${name}.\n${what} written to ${out}: print each share on its own sheet, give one to each holder, then delete the file.\n`
        : `Initialised desk with admin reviewer ${name}.\nRecovery key written to ${out}: print it, store it offline, then delete the file.\n`,
    );
    return 0;
  } finally {
    passphrase.fill(0);
  }
}

export async function exportCommand(
  deps: CoreDeps,
  args: readonly string[],
  io: CliIo,
): Promise<number> {
  const { values } = parse(args, {
    reviewer: { type: 'string' },
    'passphrase-file': { type: 'string' },
    'recovery-key-file': { type: 'string' },
  });
  const unlocked = await unlockFor(deps, values);
  const deskNames = new Map((await listDesks(deps)).map((d) => [d.id, d.name]));
  let failures = 0;
  let exported = 0;
  try {
    for await (const item of exportTips(deps, unlocked)) {
      if (!item.ok) {
        failures++;
        io.err(
          `tipline: tip ${item.tip.id} ${item.reason === 'damaged' ? 'is damaged and could not be decrypted' : 'is sealed to a desk key you hold no grant for'}; skipped\n`,
        );
        continue;
      }
      const { tip, content } = item;
      // The Telegram chat id stays sealed: an export may end up in a file.
      const line = {
        id: tip.id,
        receivedAt: new Date(tip.receivedAt).toISOString(),
        channel: tip.channel,
        status: tip.status,
        desk: deskNames.get(tip.deskId) ?? tip.deskId,
        language: content.language,
        fields: content.fields,
        attachments: content.attachments.map(({ id, name, type, size }) => ({
          id,
          name,
          type,
          size,
        })),
        // the answers with the question texts of the version the tip answered
        ...(content.answers
          ? {
              questionnaire: {
                id: content.answers.questionnaire,
                version: content.answers.version,
              },
              answers:
                (await describeAnswers(deps, content.answers as TipAnswers)) ??
                content.answers.values,
            }
          : {}),
      };
      io.out(`${JSON.stringify(line)}\n`);
      exported++;
    }
  } finally {
    unlocked.wipe();
  }
  await recordAudit(deps, {
    actor: auditActorOf(unlocked),
    action: 'tips.export',
    detail: `${exported} exported, ${failures} failed`,
  });
  if (failures > 0) io.err(`tipline: ${failures} tip(s) could not be exported\n`);
  return failures > 0 ? 1 : 0;
}

export async function reviewerCommand(
  deps: CoreDeps,
  args: readonly string[],
  io: CliIo,
): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'list': {
      parse(rest, {});
      for (const r of await listReviewers(deps)) {
        io.out(
          `${r.name}\t${r.role}\t${r.revokedAt === null ? 'active' : 'revoked'}\t${new Date(r.createdAt).toISOString()}\n`,
        );
      }
      return 0;
    }
    case 'add': {
      const { values, positionals } = parse(
        rest,
        {
          admin: { type: 'boolean' },
          'passphrase-file': { type: 'string' },
          by: { type: 'string' },
          'by-passphrase-file': { type: 'string' },
          'recovery-key-file': { type: 'string' },
        },
        1,
      );
      const name = required(positionals[0], 'the new reviewer NAME');
      const grantor = await unlockFor(
        deps,
        {
          reviewer: values.by,
          'passphrase-file': values['by-passphrase-file'],
          'recovery-key-file': values['recovery-key-file'],
        },
        '--by',
        '--by-passphrase-file',
      );
      try {
        const passphrase = await secretFromFileOrPrompt(
          values['passphrase-file'],
          `New passphrase for ${name}: `,
        );
        try {
          await addReviewer(deps, grantor, {
            name,
            passphrase,
            role: values.admin ? 'admin' : 'reviewer',
          });
        } finally {
          passphrase.fill(0);
        }
      } finally {
        grantor.wipe();
      }
      io.out(`Added reviewer ${name}.\n`);
      return 0;
    }
    case 'revoke': {
      const { values, positionals } = parse(rest, { 'no-rotate': { type: 'boolean' } }, 1);
      const name = required(positionals[0], 'the reviewer NAME');
      await revokeReviewer(deps, name, { rotate: !values['no-rotate'] });
      io.out(
        `Revoked ${name}.${values['no-rotate'] ? '' : ' Desk keys rotated: tips from now on are sealed to a key they never held.'}\n`,
      );
      return 0;
    }
    case 'alerts':
      return alertsCommand(deps, rest, io);
    default:
      throw new CliUsageError('reviewer takes list, add, revoke or alerts');
  }
}

/** `tipline reviewer alerts NAME --email ADDR | --telegram-link | --off [--language TAG]`. */
async function alertsCommand(deps: CoreDeps, args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      email: { type: 'string' },
      'telegram-link': { type: 'boolean' },
      off: { type: 'boolean' },
      language: { type: 'string' },
    },
    1,
  );
  const name = required(positionals[0], 'the reviewer NAME');
  const chosen = [values.email !== undefined, values['telegram-link'], values.off].filter(Boolean);
  if (chosen.length !== 1)
    throw new CliUsageError(
      'reviewer alerts takes exactly one of --email ADDR, --telegram-link, --off',
    );
  const reviewer = await activeReviewerByName(deps, name);
  if (values.off) {
    await turnAlertsOff(deps, { reviewerId: reviewer.id, actor: 'cli' });
    io.out(`Alerts for ${name} are off.\n`);
    return 0;
  }
  if (values['telegram-link']) {
    const link = await createTelegramLinkCode(deps, { reviewerId: reviewer.id, actor: 'cli' });
    io.out(
      `Have ${name} send this to the tip line's Telegram bot within 15 minutes (it works once):\n/link ${link.display}\n`,
    );
    return 0;
  }
  const language = values.language ?? 'en';
  if (!isLocale(language))
    throw new CliUsageError(`--language must be one of ${LOCALES.map((l) => l.tag).join(', ')}`);
  try {
    await setEmailAlerts(deps, {
      reviewerId: reviewer.id,
      address: values.email ?? '',
      language,
      actor: 'cli',
    });
  } catch (error) {
    if (isDomainError(error, 'invalid_input') && error.field === 'email')
      throw new CliUsageError('--email must be an e-mail address (name@example.org)');
    throw error;
  }
  // the address itself is not echoed: it is sealed now, and terminals keep scrollback
  io.out(`E-mail alerts for ${name} are on.\n`);
  return 0;
}

/** The contents of several secret files, one after another on their own lines; the parts are wiped. */
function joinSecrets(parts: Uint8Array[]): Uint8Array {
  const newline = Uint8Array.of(10);
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    joined.set(newline, at + part.length);
    at += part.length + 1;
    part.fill(0);
  }
  return joined;
}

export async function recoverCommand(
  deps: CoreDeps,
  args: readonly string[],
  io: CliIo,
): Promise<number> {
  const { values } = parse(args, {
    reviewer: { type: 'string' },
    'recovery-key-file': { type: 'string' },
    'share-file': { type: 'string', multiple: true },
    'passphrase-file': { type: 'string' },
  });
  const name = required(values.reviewer, '--reviewer');
  // the key file may hold the key or M shares; or each share holder brings a file
  const shareFiles = ([] as string[]).concat(values['share-file'] ?? []);
  const key =
    shareFiles.length > 0
      ? joinSecrets(shareFiles.map(readSecretFile))
      : readSecretFile(
          required(values['recovery-key-file'], '--recovery-key-file (or --share-file)'),
        );
  const passphrase = await secretFromFileOrPrompt(
    values['passphrase-file'],
    `New passphrase for ${name}: `,
  );
  try {
    await recoverReviewer(deps, decoder.decode(key), { name, passphrase });
  } finally {
    key.fill(0);
    passphrase.fill(0);
  }
  io.out(`Reviewer ${name} can log in with the new passphrase and holds every desk key again.\n`);
  return 0;
}

export async function backupCommand(
  deps: CoreDeps,
  args: readonly string[],
  io: CliIo,
  storeKind: Config['storeKind'] = 'sqlite',
): Promise<number> {
  const { values } = parse(args, { out: { type: 'string' } });
  const out = required(values.out, '--out');
  await backupStore(deps, out, 'cli');
  io.out(
    storeKind === 'postgres'
      ? `Backup written to ${out} by pg_dump (custom format; restore with pg_restore) and read back.\n`
      : `Backup written to ${out} and verified (integrity_check ok).\n`,
  );
  return 0;
}

/**
 * `tipline migrate-store --to postgres://…`: copies the SQLite store into an empty PostgreSQL
 * database and checks every table's row count and row hashes. The password is best left out
 * of the URL (node-postgres then reads PGPASSWORD), since a command line is visible to other
 * local users.
 */
export async function migrateStoreCommand(
  deps: CoreDeps,
  args: readonly string[],
  io: CliIo,
  storeKind: Config['storeKind'],
): Promise<number> {
  const { values } = parse(args, { to: { type: 'string' } });
  const url = required(values.to, '--to');
  if (storeKind !== 'sqlite') {
    throw new CliUsageError(
      'migrate-store copies the SQLite store in TIPLINE_DATA_DIR: unset TIPLINE_DATABASE_URL to run it',
    );
  }
  const target = await openTargetStore(url);
  try {
    const results = await copyStoreInto(deps, target);
    for (const r of results) {
      io.out(
        `${r.ok ? 'ok' : 'DIFFERS'}\t${r.table}\t${r.sourceRows} rows -> ${r.targetRows} rows\t${r.targetDigest.slice(0, 16)}\n`,
      );
    }
    const bad = results.filter((r) => !r.ok);
    if (bad.length > 0) {
      io.err(
        `tipline: the copy differs from the source in ${bad.map((r) => r.table).join(', ')}; do not switch to it\n`,
      );
      return 1;
    }
    const rows = results.reduce((n, r) => n + r.sourceRows, 0);
    io.out(
      `Copied and verified ${rows} rows in ${results.length} tables. Set TIPLINE_DATABASE_URL to use PostgreSQL; keep the SQLite data until you have checked it.\n`,
    );
    return 0;
  } finally {
    await target.close();
  }
}

export async function purgeCommand(
  deps: CoreDeps,
  args: readonly string[],
  io: CliIo,
  retentionDays: number | undefined,
): Promise<number> {
  const { values } = parse(args, { 'older-than-days': { type: 'string' } });
  const raw =
    values['older-than-days'] ?? (retentionDays === undefined ? undefined : String(retentionDays));
  if (raw === undefined || !/^\d{1,5}$/.test(raw)) {
    throw new CliUsageError('--older-than-days N (or TIPLINE_RETENTION_DAYS) is required');
  }
  const purged = await purgeClosedTips(deps, { days: Number(raw), actor: 'cli' });
  io.out(`Purged ${purged} closed or spam tip(s) received more than ${raw} days ago.\n`);
  return 0;
}

export async function auditCommand(
  deps: CoreDeps,
  args: readonly string[],
  io: CliIo,
): Promise<number> {
  const [sub, ...rest] = args;
  parse(rest, {});
  if (sub === 'verify') {
    const result = await verifyAuditChain(deps);
    if (result.ok) {
      io.out(
        `audit chain intact: ${result.entries} entries, head ${result.head}\n(note the head somewhere else: a chain cut short no longer reaches it)\n`,
      );
      return Promise.resolve(0);
    }
    const why = {
      gap: 'an entry is missing',
      link: 'entries were removed or reordered',
      hash: 'an entry was edited',
    }[result.reason];
    io.err(`tipline: audit chain BROKEN at entry ${result.brokenAt}: ${why}\n`);
    return Promise.resolve(1);
  }
  if (sub === 'list') {
    for (let after = 0; ;) {
      const page = await readAuditEntries(deps, after, 500);
      for (const e of page) {
        io.out(
          `${e.sequence}\t${new Date(e.at).toISOString()}\t${e.actor}\t${e.action}\t${e.subject ?? ''}\t${e.detail ?? ''}\n`,
        );
      }
      if (page.length < 500) return Promise.resolve(0);
      after = page[page.length - 1]!.sequence;
    }
  }
  throw new CliUsageError('audit takes verify or list');
}
