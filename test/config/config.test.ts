import { describe, expect, it } from 'vitest';
import { isAbsolute } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('loadConfig', () => {
  it('defaults to loopback, port 8080 and ./data with the bot off', () => {
    const { config, secrets } = loadConfig({});
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(8080);
    expect(isAbsolute(config.dataDir) && config.dataDir.endsWith('/data')).toBe(true);
    expect(config.telegram).toEqual({
      enabled: false,
      apiRoot: 'https://api.telegram.org',
      webhookUrl: undefined,
    });
    expect(secrets.telegramBotToken).toBeUndefined();
  });

  it('names the variable when PORT is not a port number', () => {
    expect(() => loadConfig({ PORT: '80a' })).toThrow(
      new ConfigError('PORT must be a whole number from 1 to 65535'),
    );
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });

  it('reads TIPLINE_SHARED_SECRET as bytes, kept out of config, and refuses a short one without repeating it', () => {
    const { config, secrets } = loadConfig({ TIPLINE_SHARED_SECRET: '0f'.repeat(32) });
    expect(secrets.sharedSecret).toEqual(new Uint8Array(32).fill(15));
    expect(JSON.stringify(config)).not.toContain('0f0f');
    expect(loadConfig({}).secrets.sharedSecret).toBeUndefined();
    let message = '';
    try {
      loadConfig({ TIPLINE_SHARED_SECRET: 'c0ffee'.repeat(5) });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/TIPLINE_SHARED_SECRET must be 64 to 256 hex digits/);
    expect(message).not.toContain('c0ffee');
  });

  it('accepts TIPLINE_RATE_LIMIT=0 to switch rate limiting off', () => {
    expect(loadConfig({ TIPLINE_RATE_LIMIT: '0' }).config.rateLimitPerHour).toBe(0);
    expect(() => loadConfig({ TIPLINE_RATE_LIMIT: '-1' })).toThrow(/TIPLINE_RATE_LIMIT/);
  });

  it('reads the proof-of-work threshold and difficulty, with defaults and 0 = always', () => {
    const defaults = loadConfig({}).config;
    expect([defaults.powThresholdPerMinute, defaults.powDifficulty]).toEqual([3, 10]);
    const { config } = loadConfig({ TIPLINE_POW_THRESHOLD: '0', TIPLINE_POW_DIFFICULTY: '14' });
    expect([config.powThresholdPerMinute, config.powDifficulty]).toEqual([0, 14]);
  });

  it.each([
    [
      'TIPLINE_POW_THRESHOLD',
      '-1',
      'TIPLINE_POW_THRESHOLD must be a whole number from 0 to 100000',
    ],
    [
      'TIPLINE_POW_THRESHOLD',
      'many',
      'TIPLINE_POW_THRESHOLD must be a whole number from 0 to 100000',
    ],
    [
      'TIPLINE_POW_THRESHOLD',
      '1.5',
      'TIPLINE_POW_THRESHOLD must be a whole number from 0 to 100000',
    ],
    ['TIPLINE_POW_DIFFICULTY', '0', 'TIPLINE_POW_DIFFICULTY must be a whole number from 1 to 16'],
    ['TIPLINE_POW_DIFFICULTY', '17', 'TIPLINE_POW_DIFFICULTY must be a whole number from 1 to 16'],
    [
      'TIPLINE_POW_DIFFICULTY',
      'hard',
      'TIPLINE_POW_DIFFICULTY must be a whole number from 1 to 16',
    ],
  ])('refuses %s=%s with one line naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new ConfigError(message));
  });

  it('turns the bot on with a token and keeps the token out of config', () => {
    const token = '123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345';
    const { config, secrets } = loadConfig({
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9999/',
    });
    expect(config.telegram.enabled).toBe(true);
    expect(config.telegram.apiRoot).toBe('http://127.0.0.1:9999');
    expect(JSON.stringify(config)).not.toContain(token);
    expect(secrets.telegramBotToken).toBe(token);
  });

  it('refuses a malformed token and a non-http API root without echoing the token', () => {
    let message = '';
    try {
      loadConfig({ TELEGRAM_BOT_TOKEN: 'not-a-token-secret-value' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^TELEGRAM_BOT_TOKEN /);
    expect(message).not.toContain('secret-value');
    expect(() => loadConfig({ TELEGRAM_API_ROOT: 'ftp://x' })).toThrow(/TELEGRAM_API_ROOT/);
  });

  it('reads the attachment count and total size, within bounds', () => {
    const { config } = loadConfig({
      TIPLINE_MAX_ATTACHMENTS: '2',
      TIPLINE_MAX_ATTACHMENT_MB: '10',
    });
    expect([config.maxAttachments, config.maxAttachmentBytesTotal]).toEqual([2, 10 * 1024 * 1024]);
    expect(loadConfig({}).config.maxAttachmentBytesTotal).toBe(25 * 1024 * 1024);
    expect(() => loadConfig({ TIPLINE_MAX_ATTACHMENT_MB: '5000' })).toThrow(
      /TIPLINE_MAX_ATTACHMENT_MB/,
    );
  });

  it('selects PostgreSQL with TIPLINE_DATABASE_URL and keeps the URL out of config', () => {
    const url = 'postgres://tipline:s3cret-pass@127.0.0.1:5432/tipline?sslmode=verify-full';
    const { config, secrets } = loadConfig({ TIPLINE_DATABASE_URL: url });
    expect(config.storeKind).toBe('postgres');
    expect(secrets.databaseUrl).toBe(url);
    expect(JSON.stringify(config)).not.toContain('s3cret');
    expect(loadConfig({}).config.storeKind).toBe('sqlite');
    expect(loadConfig({ TIPLINE_DATABASE_URL: '' }).secrets.databaseUrl).toBeUndefined();
  });

  it('refuses a TIPLINE_DATABASE_URL that is not a postgres URL without repeating it', () => {
    for (const bad of [
      'mysql://u:s3cret-pass@h/db',
      'postgres://u:s3cret-pass@h',
      'not a url s3cret-pass',
    ]) {
      let message = '';
      try {
        loadConfig({ TIPLINE_DATABASE_URL: bad });
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        message = (error as Error).message;
      }
      expect(message).toBe(
        'TIPLINE_DATABASE_URL must be a postgres://user:password@host:port/database URL',
      );
    }
  });
  it('reads TIPLINE_PUBLIC_ORIGIN as an origin for passkeys, https or a local/onion http host', () => {
    expect(loadConfig({}).config.publicOrigin).toBeUndefined();
    expect(
      loadConfig({ TIPLINE_PUBLIC_ORIGIN: 'https://Desk.Example.org/' }).config.publicOrigin,
    ).toBe('https://desk.example.org');
    expect(loadConfig({ TIPLINE_PUBLIC_ORIGIN: 'http://localhost:8080' }).config.publicOrigin).toBe(
      'http://localhost:8080',
    );
    const onion = `http://${'a'.repeat(56)}.onion`;
    expect(loadConfig({ TIPLINE_PUBLIC_ORIGIN: onion }).config.publicOrigin).toBe(onion);
  });

  it('refuses a TIPLINE_PUBLIC_ORIGIN with a path, plain http, or an IP address', () => {
    for (const bad of [
      'https://desk.example.org/admin',
      'http://desk.example.org',
      'https://192.0.2.7',
      'https://[2001:db8::1]',
      'desk.example.org',
      'https://desk.example.org/?x=1',
    ])
      expect(() => loadConfig({ TIPLINE_PUBLIC_ORIGIN: bad }), bad).toThrow(
        /TIPLINE_PUBLIC_ORIGIN/,
      );
  });
});
