import type { AddressInfo, Server } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

/** One message as the SMTP server received it: envelope, raw bytes and parsed parts. */
export interface ReceivedMail {
  readonly to: string[];
  readonly from: string;
  readonly raw: string;
  readonly subject: string;
  readonly text: string;
  readonly headers: string;
  readonly at: number;
}

export interface SmtpSink {
  readonly url: string;
  readonly port: number;
  readonly mails: ReceivedMail[];
  /** The next `count` messages are refused with a 451 (a temporary failure). */
  refuseNext(count: number): void;
  /** Resolves when at least `count` messages have arrived. */
  waitForMails(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** A real SMTP server (smtp-server) on loopback, no TLS, no auth, that keeps what it gets. */
export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  let refuse = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refuse > 0) {
          refuse--;
          const error = new Error('try again later') as Error & { responseCode: number };
          error.responseCode = 451;
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        void simpleParser(raw).then((parsed) => {
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            raw,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            headers: raw.slice(0, raw.indexOf('\r\n\r\n')),
            at: Date.now(),
          });
          callback();
        });
      });
    },
  });
  // smtp-server's typings leave `server` loosely typed: it is a net.Server
  const listener = (server as unknown as { server: Server }).server;
  await new Promise<void>((resolve) => {
    listener.once('listening', () => resolve());
    (server as unknown as { listen(port: number, host: string): void }).listen(port, '127.0.0.1');
  });
  const address = listener.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    port: address.port,
    mails,
    refuseNext: (count) => (refuse = count),
    async waitForMails(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (mails.length < count) {
        if (Date.now() > deadline)
          throw new Error(`only ${mails.length} of ${count} mails arrived`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return mails;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
