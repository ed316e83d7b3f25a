import { loadConfig, type Config } from '../config/config.js';
import type { CoreDeps } from '../core/index.js';
import { closeStore } from '../core/index.js';
import { createDeps } from '../compose.js';
import { createLogger } from '../logging/logger.js';
import { main as serve } from '../main.js';
import { CliUsageError, describeCliError } from './cli-errors.js';
import { openCaseCommand } from './open-case.js';
import {
  auditCommand,
  backupCommand,
  exportCommand,
  initCommand,
  purgeCommand,
  migrateStoreCommand,
  recoverCommand,
  reviewerCommand,
  type CliIo,
} from './commands.js';

export const USAGE = `tipline: a secure, anonymous tip line

Usage:
  tipline serve                              run the web server (same as npm start)
  tipline init --reviewer NAME --passphrase-file F --recovery-key-out F [--desk NAME]
                [--shares M-of-N]   (write N shares, any M restore the key, instead of the key)
  tipline export --reviewer NAME [--passphrase-file F]    decrypted tips as JSON Lines
  tipline export --recovery-key-file F
  tipline reviewer list
  tipline reviewer add NAME [--admin] [--passphrase-file F]
                   (--by NAME [--by-passphrase-file F] | --recovery-key-file F)
  tipline reviewer revoke NAME [--no-rotate]
  tipline reviewer alerts NAME (--email ADDR [--language TAG] | --telegram-link | --off)
  tipline recover --reviewer NAME (--recovery-key-file F | --share-file F --share-file F …)
                  [--passphrase-file F]   (a key file may also hold M shares, one per line)
  tipline backup --out F                     SQLite: verified copy; PostgreSQL: pg_dump -Fc
  tipline migrate-store --to postgres://USER@HOST:PORT/DB
                                             copy the SQLite store into an empty PostgreSQL
                                             database and verify every row (password: PGPASSWORD)
  tipline purge [--older-than-days N]       delete closed/spam tips older than N days
                                             (default: TIPLINE_RETENTION_DAYS)
  tipline audit verify                       check the audit log's hash chain
  tipline audit list                         print the audit log
  tipline open-case FILE [--out F] [--passphrase-file F | --identity F]
                                             decrypt a case file offline (no data directory);
                                             the passphrase may also come from
                                             TIPLINE_CASE_PASSPHRASE, an age key from --identity

Passphrases are read from the named file or asked on the terminal, never from arguments.
Data lives in TIPLINE_DATA_DIR (default ./data), or in PostgreSQL when TIPLINE_DATABASE_URL is set.
`;

type Command = (deps: CoreDeps, args: readonly string[], io: CliIo) => Promise<number>;

const commands = (config: Config): Record<string, Command> => ({
  init: initCommand,
  export: exportCommand,
  reviewer: reviewerCommand,
  recover: recoverCommand,
  backup: (deps, args, io) => backupCommand(deps, args, io, config.storeKind),
  'migrate-store': (deps, args, io) => migrateStoreCommand(deps, args, io, config.storeKind),
  purge: (deps, args, io) => purgeCommand(deps, args, io, config.retentionDays),
  audit: auditCommand,
});
const COMMAND_NAMES = new Set([
  'init',
  'export',
  'reviewer',
  'recover',
  'backup',
  'purge',
  'audit',
  'migrate-store',
]);

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'serve') {
    await serve();
    return -1; // keeps running
  }
  if (command === 'open-case') {
    try {
      return await openCaseCommand(args, { out: io.out, env: process.env });
    } catch (error) {
      const { line, exitCode } = describeCliError(error);
      io.err(`tipline: ${line}\n`);
      return exitCode;
    }
  }
  let deps;
  try {
    if (!COMMAND_NAMES.has(command)) throw new CliUsageError(`unknown command ${command}`);
    const { config, secrets } = loadConfig();
    const run = commands(config)[command];
    if (!run) throw new CliUsageError(`unknown command ${command}`);
    // stdout carries command output (export's JSON Lines); logs go to stderr
    deps = await createDeps(
      config,
      { logger: createLogger((_level, line) => io.err(`${line}\n`)) },
      secrets,
    );
    return await run(deps, args, io);
  } catch (error) {
    const { line, exitCode } = describeCliError(error);
    io.err(`tipline: ${line}\n`);
    return exitCode;
  } finally {
    if (deps) await closeStore(deps);
  }
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Entry point for bin/tipline.mjs. */
export async function cliMain(): Promise<void> {
  const code = await runCli(process.argv.slice(2), processIo);
  if (code >= 0) process.exitCode = code;
}
