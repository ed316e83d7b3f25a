import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

const LAYERING_RULES = new Set(['no-restricted-syntax', 'no-restricted-imports']);

/** The layering rules ESLint reports for `code` as if it were the file at `path` (in the repo). */
async function rulesFiredFor(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? [])
    .map((m) => m.ruleId ?? m.message)
    .filter((rule) => LAYERING_RULES.has(rule));
}

const REACH_INTO_STORE = `import type { CoreDeps, DeskRecord } from '../../../core/index.js';
export async function deskOf(core: CoreDeps, name: string): Promise<DeskRecord | undefined> {
  return core.store.getDeskByName(name);
}
`;

describe('the layering lint rules', () => {
  it('reject an adapter that reaches through core into the store', async () => {
    expect(await rulesFiredFor('src/server/admin/tip/tip-routes.tsx', REACH_INTO_STORE)).toContain(
      'no-restricted-syntax',
    );
    expect(
      await rulesFiredFor('src/bot/conversation.ts', REACH_INTO_STORE.replace('../../../', '../')),
    ).toContain('no-restricted-syntax');
    expect(
      await rulesFiredFor('src/cli/commands.ts', REACH_INTO_STORE.replace('../../../', '../')),
    ).toContain('no-restricted-syntax');
  });

  it('reject a store import from the web adapter, however deep, the bot and the CLI', async () => {
    const importing = (path: string) =>
      `import { openSqliteStore } from '${path}';\nexport const open = openSqliteStore;\n`;
    expect(
      await rulesFiredFor(
        'src/server/admin/tip/tip-routes.tsx',
        importing('../../../store/index.js'),
      ),
    ).toContain('no-restricted-imports');
    expect(
      await rulesFiredFor('src/bot/conversation.ts', importing('../store/index.js')),
    ).toContain('no-restricted-imports');
    expect(await rulesFiredFor('src/cli/commands.ts', importing('../store/index.js'))).toContain(
      'no-restricted-imports',
    );
  });

  it('let core itself use the store, and an adapter call a named core function', async () => {
    const inCore = `import type { CoreDeps } from './deps.js';
export async function countAll(deps: CoreDeps): Promise<number> {
  return deps.store.countTips();
}
`;
    expect(await rulesFiredFor('src/core/desk-directory.ts', inCore)).toEqual([]);
    const named = `import { findDeskByName, type CoreDeps } from '../../../core/index.js';
export async function known(core: CoreDeps, name: string): Promise<boolean> {
  return (await findDeskByName(core, name)) !== undefined;
}
`;
    expect(await rulesFiredFor('src/server/admin/tip/tip-routes.tsx', named)).toEqual([]);
  });

  it('reject hono or the store from core, and anything of src from crypto', async () => {
    expect(
      await rulesFiredFor(
        'src/core/intake.ts',
        `import { Hono } from 'hono';\nexport const h = Hono;\n`,
      ),
    ).toContain('no-restricted-imports');
    expect(
      await rulesFiredFor(
        'src/crypto/bytes.ts',
        `import { createDeps } from '../compose.js';\nexport const c = createDeps;\n`,
      ),
    ).toContain('no-restricted-imports');
  });
});
