/*
 * Many sealed tips straight into a store, fast (the intake path is benchmarked elsewhere):
 * one transaction, no codename inbox, no argon2id. Used by bench/desk.ts and bench/desk-scale.ts.
 */
import {
  newRandomId,
  roundDownToHour,
  type CoreDeps,
  type TipContent,
  type TipId,
} from '../src/core/index.js';
import { hexToBytes } from '../src/core/ids.js';
import { appendTipSegment } from '../src/core/search-maintenance.js';
import { sealTipEnvelope, utf8 } from '../src/crypto/index.js';

export interface SeedOptions {
  /** The content of tip `i`. */
  readonly content: (i: number) => TipContent;
  /**
   * When set, tip `i` has the content and the envelope of tip `i % variants`, sealed once per
   * variant (opening one still costs a full decryption); otherwise every tip is sealed anew.
   */
  readonly variants?: number;
  /** Append the one-tip search segment intake writes with each tip (src/core/intake.ts). */
  readonly searchSegments?: boolean;
}

/** Seeds `count` tips into the desk's first desk, ten minutes apart from 2024-01-01; returns their ids. */
export async function seedTips(
  core: CoreDeps,
  count: number,
  options: SeedOptions,
): Promise<TipId[]> {
  const desk = (await core.store.listDesks())[0]!;
  const deskKey = (await core.store.getActiveDeskKey(desk.id))!;
  const sealTo = { keyId: hexToBytes(deskKey.id), publicKey: deskKey.publicKey };
  const seal = (content: TipContent) =>
    sealTipEnvelope(core.sodium, sealTo, utf8(JSON.stringify(content)));
  const { variants } = options;
  const shared = variants
    ? Array.from({ length: variants }, (_, v) => seal(options.content(v)))
    : undefined;
  const start = Date.UTC(2024, 0, 1);
  const ids: TipId[] = [];
  await core.store.transaction(async () => {
    for (let i = 0; i < count; i++) {
      const id = newRandomId<TipId>(core.random);
      ids.push(id);
      const content = options.content(variants ? i % variants : i);
      await core.store.insertTip(
        {
          id,
          deskId: desk.id,
          deskKeyId: deskKey.id,
          channel: content.channel,
          status: (['new', 'in_review', 'closed'] as const)[i % 3]!,
          assigneeId: null,
          receivedAt: roundDownToHour(start + i * 600_000),
          envelope: shared?.[i % shared.length] ?? seal(content),
          triage: null,
        },
        undefined,
        [],
      );
      if (options.searchSegments) await appendTipSegment(core, desk.id, deskKey, id, content);
    }
  });
  return ids;
}
