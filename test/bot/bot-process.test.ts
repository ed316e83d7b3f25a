import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CATALOGS } from '../../src/i18n/catalogs.js';
import { freePort, tempDir } from '../helpers.js';
import { initialiseDataDir, ROOT } from '../cli/run-cli.js';
import { FAKE_TOKEN, startFakeBotApi } from './fake-bot-api.js';

const MAIN = join(ROOT, 'dist', 'main.js');
const CHAT_ID = 6_600_765_432;

describe('npm start with TELEGRAM_BOT_TOKEN', () => {
  it('runs the bot beside the web server against TELEGRAM_API_ROOT, with commands in every language', async () => {
    const fake = await startFakeBotApi();
    const { dataDir } = initialiseDataDir(tempDir());
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(await freePort()),
        TIPLINE_DATA_DIR: dataDir,
        TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
        TELEGRAM_API_ROOT: fake.apiRoot,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    try {
      for (let i = 0; i < 200 && !output.includes('bot.started'); i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(output).toContain('"mode":"polling"');

      const commands = fake.calls.filter((c) => c.method === 'setMyCommands');
      const languages = commands.map((c) => c.payload.language_code ?? 'default');
      expect(languages).toEqual(
        expect.arrayContaining(['default', 'ru', 'vi', 'zh', 'sr', 'km', 'tl']),
      );
      const russian = commands.find((c) => c.payload.language_code === 'ru');
      expect(russian?.payload.commands).toContainEqual({
        command: 'report',
        description: CATALOGS.ru['bot.command.report'],
      });

      const user = fake.user({ chatId: CHAT_ID, languageCode: 'vi' });
      user.send('/report');
      expect((await user.nextReply()).text).toBe(CATALOGS.vi['bot.report.story']);
      user.send('MARKER-PROCESS-STORY');
      await user.nextReply();
      user.send('/submit');
      expect((await user.nextReply()).text).toMatch(/\d{4}(?: \d{4}){4}/);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('tip.received');
      expect(output).not.toContain(String(CHAT_ID));
      expect(output).not.toContain('MARKER-PROCESS-STORY');
      expect(output).not.toContain(FAKE_TOKEN.split(':')[1]);
    } finally {
      child.kill('SIGKILL');
      await fake.close();
    }
  });

  it('says clearly that the bot is off when no token is set', async () => {
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(await freePort()),
        TIPLINE_DATA_DIR: tempDir(),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    for (let i = 0; i < 200 && !output.includes('telegram.off'); i++)
      await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGTERM');
    await exited;
    expect(output).toContain('TELEGRAM_BOT_TOKEN is not set; the Telegram bot is off');
  });

  it('refuses to start with telegraf debug output switched on', () => {
    const result = spawnSync(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        TIPLINE_DATA_DIR: tempDir(),
        TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
        DEBUG: 'telegraf:*',
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'tipline: DEBUG enables telegraf debug output, which would log tip text; unset DEBUG\n',
    );
  });
});
