import { createTransport } from 'nodemailer';
import type { AlertMessage, AlertSender } from '../core/index.js';

/*
 * The e-mail channel: nodemailer over SMTP (TIPLINE_SMTP_URL). The body is base64-encoded so
 * that, with the fixed-length text, every alert has the same size on the wire. nodemailer's
 * logger stays off (it would print addresses); failures are reported by error code only.
 */

export interface EmailSenderOptions {
  /** smtp://host:port or smtps://user:pass@host:465 (validated in src/config). */
  readonly smtpUrl: string;
  /** The From address (TIPLINE_ALERT_FROM). */
  readonly from: string;
  /** Connection, greeting and idle timeouts, so an unreachable server fails quickly. */
  readonly timeoutMs?: number;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[?::1\]?)$/i;

export function createEmailAlertSender(
  options: EmailSenderOptions,
): AlertSender & { close(): void } {
  const url = new URL(options.smtpUrl);
  const timeout = options.timeoutMs ?? 15_000;
  const transport = createTransport({
    url: options.smtpUrl,
    // plain smtp:// off this machine must upgrade with STARTTLS: addresses are not sent in clear
    requireTLS: url.protocol === 'smtp:' && !LOOPBACK.test(url.hostname),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    // the EHLO name: the From domain, not this machine's host name
    name: options.from.slice(options.from.lastIndexOf('@') + 1),
    logger: false,
    debug: false,
  });
  return {
    channel: 'email',
    async send(address: string, message: AlertMessage): Promise<void> {
      // never log: the address; nodemailer's errors carry a code we pass on, nothing else
      await transport.sendMail({
        from: options.from,
        to: address,
        subject: message.subject,
        text: message.body,
        textEncoding: 'base64',
        disableFileAccess: true,
        disableUrlAccess: true,
      });
    },
    close: () => transport.close(),
  };
}
