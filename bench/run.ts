/*
 * `npm run bench`: what sealing costs, against baselines measured in the same run.
 * Prints figures and ratios; asserts nothing about time (that belongs here, not in tests).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDeps } from '../src/compose.js';
import { initialiseDesk, submitTip, unlockReviewer, openTip } from '../src/core/index.js';
import {
  createDeskKeyPair,
  deriveSubkeys,
  DEFAULT_KDF_PARAMS,
  loadSodium,
  openTipEnvelope,
  sealTipEnvelope,
} from '../src/crypto/index.js';
import { createMemoryLogger } from '../src/logging/logger.js';
import { benchWeb } from './web.js';
import { benchBot } from './bot.js';
import { benchDesk } from './desk.js';
import { benchBudget } from './budget.js';
import { benchDeskScale } from './desk-scale.js';
import { benchLoad } from './load.js';

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const total = samples.reduce((s, x) => s + x, 0);
  return {
    n: samples.length,
    mean: total / samples.length,
    p50: at(0.5),
    p99: at(0.99),
    perSecond: (samples.length * 1000) / total,
  };
}

async function time(n: number, work: (i: number) => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await work(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

const fmt = (label: string, s: ReturnType<typeof stats>) =>
  `${label.padEnd(44)} n=${String(s.n).padStart(5)}  mean ${s.mean.toFixed(3).padStart(8)} ms  p50 ${s.p50.toFixed(3).padStart(8)} ms  p99 ${s.p99.toFixed(3).padStart(8)} ms  ${s.perSecond.toFixed(0).padStart(7)}/s`;

const sodium = await loadSodium();
const desk = createDeskKeyPair(sodium);
const message = new TextEncoder().encode('x'.repeat(2000));

const aeadKey = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
const baseline = stats(
  await time(5000, () =>
    sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      message,
      null,
      null,
      sodium.randombytes_buf(24),
      aeadKey,
    ),
  ),
);
const seal = stats(await time(5000, () => sealTipEnvelope(sodium, desk, message)));
const envelope = sealTipEnvelope(sodium, desk, message);
const open = stats(await time(5000, () => openTipEnvelope(sodium, envelope, desk)));
console.log('# crypto (2 KB tip)');
console.log(fmt('baseline: bare XChaCha20-Poly1305 encrypt', baseline));
console.log(
  fmt('sealTipEnvelope (pad + AEAD + box_seal)', seal),
  `  x${(seal.mean / baseline.mean).toFixed(1)} baseline`,
);
console.log(fmt('openTipEnvelope', open), `  x${(open.mean / baseline.mean).toFixed(1)} baseline`);

const salt = sodium.randombytes_buf(16);
await deriveSubkeys(sodium, message.subarray(0, 24), salt, DEFAULT_KDF_PARAMS, 'benchkdf', [1]); // warm-up: first allocation of 64 MiB
const argon = stats(
  await time(5, () =>
    deriveSubkeys(sodium, message.subarray(0, 24), salt, DEFAULT_KDF_PARAMS, 'benchkdf', [1, 2]),
  ),
);
console.log(fmt('argon2id 64 MiB t=3 p=1 (login, codename)', argon));

const dataDir = mkdtempSync(join(tmpdir(), 'tipline-bench-'));
try {
  const deps = await createDeps({ dataDir }, { logger: createMemoryLogger() });
  const passphrase = new TextEncoder().encode('bench passphrase long enough');
  await initialiseDesk(deps, { reviewerName: 'bench', passphrase });
  const submit = stats(
    await time(30, (i) =>
      submitTip(deps, {
        channel: 'web',
        language: 'en',
        fields: { message: `tip ${i} ${'y'.repeat(1500)}` },
      }),
    ),
  );
  console.log('\n# intake (production argon2id for the codename inbox, SQLite synchronous=FULL)');
  console.log(fmt('submitTip end to end', submit));
  const unlocked = await unlockReviewer(deps, 'bench', passphrase);
  const tips = await deps.store.listTips({ limit: 30 });
  const read = stats(
    await time(tips.length * 20, (i) => openTip(deps, unlocked, tips[i % tips.length]!)),
  );
  console.log(fmt('openTip (store read + open + schema check)', read));
  unlocked.wipe();
  await deps.store.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

await benchWeb();
await benchBot();
await benchDesk();
await benchBudget();
await benchDeskScale();
await benchLoad();
