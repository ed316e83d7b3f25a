import { cspHashSource } from '../crypto/index.js';
import type { ThreadEntry } from './case-thread.js';
import type { TipContent } from './tip-content.js';
import type { TipRecord } from './ports.js';

/*
 * The case file's document: one self-contained HTML page, no script, no network. Every value
 * is escaped; files are `data:` links with a made-up download name (never the tipster's file
 * name, which may say who she is), so nothing renders inline. A CSP meta forbids everything
 * but the page's own style, pinned by its hash.
 */

/** The words of the case file, in the reviewer's desk language (the adapter translates). */
export interface CaseFileLabels {
  readonly title: string;
  readonly intro: string;
  readonly received: string;
  readonly channel: string;
  readonly language: string;
  readonly country: string;
  readonly place: string;
  readonly location: string;
  readonly when: string;
  readonly danger: string;
  readonly contact: string;
  readonly message: string;
  readonly attachments: string;
  readonly download: string;
  readonly thread: string;
  readonly noThread: string;
  readonly damaged: string;
  readonly yes: string;
  readonly no: string;
  readonly from: Readonly<Record<ThreadEntry['kind'], string>>;
}

export interface CaseFileFile {
  readonly downloadName: string;
  readonly type: string;
  readonly size: number;
  readonly bytes: Uint8Array;
}

export interface CaseFileDocument {
  readonly tip: TipRecord;
  readonly content: TipContent;
  /** Follow-ups, replies and the notes the reviewer chose, in thread order. */
  readonly thread: readonly ThreadEntry[];
  readonly authorNames: ReadonlyMap<string, string>;
  readonly files: readonly CaseFileFile[];
  readonly exportedAt: number;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#111}' +
  'dt{font-weight:600}dd{margin:0 0 .5rem}.message,.entry{white-space:pre-wrap;overflow-wrap:anywhere}' +
  'ol{padding-left:1.2rem}li{margin-bottom:1rem}.who{display:block;color:#555;font-size:.9rem}' +
  '.note{border-left:3px solid #b80;padding-left:.5rem}';

export const isoMinute = (ms: number): string =>
  `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** The whole document as a string. JavaScript strings cannot be wiped; its bytes are, by the caller. */
export function caseFileHtml(labels: CaseFileLabels, doc: CaseFileDocument, lang: string): string {
  const e = escapeHtml;
  const csp = `default-src 'none'; style-src ${cspHashSource(STYLE)}; img-src 'none'; base-uri 'none'; form-action 'none'`;
  const f = doc.content.fields;
  const fields: [string, string | undefined][] = [
    [labels.received, isoMinute(doc.tip.receivedAt)],
    [labels.channel, doc.tip.channel],
    [labels.language, doc.content.language],
    [labels.country, f.country],
    [labels.place, f.place],
    [labels.location, f.location],
    [labels.when, f.when],
    [labels.danger, f.danger === undefined ? undefined : f.danger ? labels.yes : labels.no],
    [labels.contact, f.contact],
  ];
  const title = `${labels.title} ${doc.tip.id.slice(0, 8)}`;
  const out: string[] = [
    '<!doctype html>',
    `<html lang="${e(lang)}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${e(csp)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${e(title)}</h1>`,
    `<p>${e(labels.intro)} ${e(isoMinute(doc.exportedAt))}</p>`,
    '<dl>',
    ...fields
      .filter((row): row is [string, string] => row[1] !== undefined)
      .map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`),
    '</dl>',
    `<h2>${e(labels.message)}</h2>`,
    `<p class="message">${e(f.message)}</p>`,
  ];
  if (doc.files.length > 0) {
    out.push(`<h2>${e(labels.attachments)}</h2><ul>`);
    for (const file of doc.files) {
      const href = `data:application/octet-stream;base64,${Buffer.from(file.bytes).toString('base64')}`;
      out.push(
        `<li><a download="${e(file.downloadName)}" href="${href}">${e(labels.download)} ${e(file.downloadName)}</a> (${e(file.type)}, ${Math.ceil(file.size / 1024)} KiB)</li>`,
      );
    }
    out.push('</ul>');
  }
  out.push(`<h2>${e(labels.thread)}</h2>`);
  if (doc.thread.length === 0) out.push(`<p>${e(labels.noThread)}</p>`);
  else {
    out.push('<ol>');
    for (const entry of doc.thread) {
      const author = entry.authorId ? ` · ${doc.authorNames.get(entry.authorId) ?? '?'}` : '';
      out.push(
        `<li class="${entry.kind}"><span class="who">${e(labels.from[entry.kind])}${e(author)} · ${e(isoMinute(entry.at))}</span><span class="entry">${e(entry.text ?? labels.damaged)}</span></li>`,
      );
    }
    out.push('</ol>');
  }
  out.push('</body></html>', '');
  return out.join('\n');
}
