import { loadConfig } from '../config/config.js';
import { createDeps } from '../compose.js';
import { createLogger } from '../logging/logger.js';
import { main as serve } from '../main.js';
import { CliUsageError, describeCliError } from './cli-errors.js';
import {
  backupCommand,
  exportCommand,
  initCommand,
  recoverCommand,
  reviewerCommand,
  type CliIo,
} from './commands.js';

export const USAGE = `tipline: a secure, anonymous tip line

Usage:
  tipline serve                              run the web server (same as npm start)
  tipline init --reviewer NAME --passphrase-file F --recovery-key-out F [--desk NAME]
  tipline export --reviewer NAME [--passphrase-file F]    decrypted tips as JSON Lines
  tipline export --recovery-key-file F
  tipline reviewer list
  tipline reviewer add NAME [--admin] [--passphrase-file F]
                   (--by NAME [--by-passphrase-file F] | --recovery-key-file F)
  tipline reviewer revoke NAME [--no-rotate]
  tipline recover --reviewer NAME --recovery-key-file F [--passphrase-file F]
  tipline backup --out F

Passphrases are read from the named file or asked on the terminal, never from arguments.
Data lives in TIPLINE_DATA_DIR (default ./data).
`;

const COMMANDS = {
  init: initCommand,
  export: exportCommand,
  reviewer: reviewerCommand,
  recover: recoverCommand,
  backup: backupCommand,
};

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
  const run = COMMANDS[command as keyof typeof COMMANDS] as
    (typeof COMMANDS)[keyof typeof COMMANDS] | undefined;
  let deps;
  try {
    if (!run) throw new CliUsageError(`unknown command ${command}`);
    const { config } = loadConfig();
    // stdout carries command output (export's JSON Lines); logs go to stderr
    deps = await createDeps(config, {
      logger: createLogger((_level, line) => io.err(`${line}\n`)),
    });
    return await run(deps, args, io);
  } catch (error) {
    const { line, exitCode } = describeCliError(error);
    io.err(`tipline: ${line}\n`);
    return exitCode;
  } finally {
    deps?.store.close();
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
