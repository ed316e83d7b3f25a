import { describe, expect, it } from 'vitest';
import { createMemoryLogger, redactFields } from '../../src/logging/logger.js';

describe('logger', () => {
  it('writes one JSON line per event with the fields', () => {
    const logger = createMemoryLogger();
    logger.info('tip.received', { channel: 'web', attachments: 2 });
    const line = JSON.parse(logger.lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 'info',
      event: 'tip.received',
      channel: 'web',
      attachments: 2,
    });
  });

  it('redacts fields that could carry text, addresses, chat ids or secrets', () => {
    expect(
      redactFields({
        message: 'help',
        chatId: '42',
        ip: '10.0.0.1',
        token: 't',
        userName: 'u',
        channel: 'web',
      }),
    ).toEqual({
      message: '[redacted]',
      chatId: '[redacted]',
      ip: '[redacted]',
      token: '[redacted]',
      userName: '[redacted]',
      channel: 'web',
    });
  });

  it('refuses event names that are not static identifiers', () => {
    const logger = createMemoryLogger();
    logger.warn('user wrote: my boss took my passport');
    expect(logger.lines[0]).not.toContain('passport');
    expect(logger.lines[0]).toContain('invalid_event_name');
  });
});
