import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('alert settings in the environment', () => {
  it('defaults to no e-mail, a 15-minute interval and escalation after 30 minutes', () => {
    const { config, secrets } = loadConfig({});
    expect(config.alerts).toEqual({
      intervalMs: 15 * 60_000,
      escalateMs: 30 * 60_000,
      from: undefined,
    });
    expect(secrets.smtpUrl).toBeUndefined();
  });

  it('keeps TIPLINE_SMTP_URL (it may hold a password) in secrets, not in config', () => {
    const { config, secrets } = loadConfig({
      TIPLINE_SMTP_URL: 'smtps://user:pa55@mail.example:465',
      TIPLINE_ALERT_FROM: 'desk@ngo.example',
      TIPLINE_ALERT_INTERVAL_MINUTES: '5',
      TIPLINE_URGENT_ESCALATE_MINUTES: '10',
    });
    expect(secrets.smtpUrl).toBe('smtps://user:pa55@mail.example:465');
    expect(config.alerts).toEqual({
      intervalMs: 5 * 60_000,
      escalateMs: 10 * 60_000,
      from: 'desk@ngo.example',
    });
    expect(JSON.stringify(config)).not.toContain('pa55');
  });

  it.each([
    ['TIPLINE_SMTP_URL', 'mail.example:25'],
    ['TIPLINE_SMTP_URL', 'http://mail.example'],
    ['TIPLINE_SMTP_URL', 'smtp://'],
    ['TIPLINE_SMTP_URL', 'smtp://mail.example/path'],
  ])('refuses a malformed %s (%s) with one line naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value, TIPLINE_ALERT_FROM: 'desk@ngo.example' })).toThrow(
      new ConfigError('TIPLINE_SMTP_URL must be an smtp:// or smtps:// URL with a host'),
    );
  });

  it('refuses a malformed TIPLINE_ALERT_FROM, and an SMTP URL without one', () => {
    for (const from of ['desk', 'Desk <desk@ngo.example>', 'desk@ngo.example\r\nBcc: x@y.z'])
      expect(() => loadConfig({ TIPLINE_ALERT_FROM: from })).toThrow(
        new ConfigError('TIPLINE_ALERT_FROM must be a plain e-mail address (name@example.org)'),
      );
    expect(() => loadConfig({ TIPLINE_SMTP_URL: 'smtp://127.0.0.1:2525' })).toThrow(
      new ConfigError('TIPLINE_ALERT_FROM must be set when TIPLINE_SMTP_URL is'),
    );
  });

  it('names the interval and escalation variables when they are out of range', () => {
    expect(() => loadConfig({ TIPLINE_ALERT_INTERVAL_MINUTES: '0' })).toThrow(
      'TIPLINE_ALERT_INTERVAL_MINUTES must be a whole number from 1 to 1440',
    );
    expect(() => loadConfig({ TIPLINE_URGENT_ESCALATE_MINUTES: 'soon' })).toThrow(
      'TIPLINE_URGENT_ESCALATE_MINUTES must be a whole number from 1 to 1440',
    );
  });
});
