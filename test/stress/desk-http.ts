import { totpCodeAt } from '../../src/core/index.js';

/** A reviewer's browser in miniature against a server over real HTTP: cookie, CSRF, same origin. */
export class HttpDeskClient {
  private cookie = '';
  html = '';

  constructor(private readonly base: string) {}

  private remember(response: Response): void {
    const set = /__Host-tipline-desk=([^;]*)/.exec(response.headers.get('set-cookie') ?? '');
    if (set) this.cookie = set[1] ?? '';
  }

  async get(path: string): Promise<Response> {
    const response = await fetch(`${this.base}${path}`, {
      headers: this.cookie ? { cookie: `__Host-tipline-desk=${this.cookie}` } : {},
      redirect: 'manual',
    });
    this.remember(response);
    this.html = await response.text();
    return response;
  }

  async post(path: string, fields: [string, string][], signal?: AbortSignal): Promise<Response> {
    const body = new URLSearchParams(fields);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(this.html)?.[1];
    if (csrf) body.set('_csrf', csrf);
    const response = await fetch(`${this.base}${path}`, {
      method: 'POST',
      body,
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: this.base,
        ...(this.cookie ? { cookie: `__Host-tipline-desk=${this.cookie}` } : {}),
      },
      ...(signal ? { signal } : {}),
    });
    this.remember(response);
    return response;
  }

  /** First login of a reviewer made by `tipline init`: passphrase, then TOTP enrolment. */
  async enrol(name: string, passphrase: string): Promise<string> {
    const login = await this.post('/admin/login', [
      ['name', name],
      ['passphrase', passphrase],
      ['code', ''],
    ]);
    if (login.headers.get('location') !== '/admin/enrol')
      throw new Error(`login did not lead to enrolment: ${login.status}`);
    await this.get('/admin/enrol');
    const secret = /id="totp-secret">([A-Z2-7]+)</.exec(this.html)?.[1];
    if (!secret) throw new Error('no TOTP secret on the enrolment page');
    const enrolled = await this.post('/admin/enrol', [['code', totpCodeAt(secret, Date.now())]]);
    if (enrolled.headers.get('location') !== '/admin')
      throw new Error(`enrolment failed: ${enrolled.status}`);
    await this.get('/admin');
    return secret;
  }

  /** The tip ids on the inbox page just loaded. */
  tipIds(): string[] {
    return [...this.html.matchAll(/name="tip" value="([^"]+)"/g)].map((m) => m[1] ?? '');
  }
}
