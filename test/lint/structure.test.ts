import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import madge from 'madge';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** The import graph of src/, as madge draws it (TypeScript resolution, type imports included). */
async function sourceGraph() {
  return madge(join(root, 'src'), {
    fileExtensions: ['ts', 'tsx'],
    tsConfig: join(root, 'tsconfig.json'),
    detectiveOptions: { ts: { skipTypeImports: false }, tsx: { skipTypeImports: false } },
  });
}

describe('the structure of src/', () => {
  it('has no import circle', async () => {
    const graph = await sourceGraph();
    expect(Object.keys(graph.obj()).length).toBeGreaterThan(50);
    expect(graph.circular()).toEqual([]);
  });

  it('lays the desk out as one folder per feature, no file over 300 lines', async () => {
    const graph = await sourceGraph();
    const desk = Object.keys(graph.obj()).filter((f) => f.startsWith('server/admin/'));
    const features = new Set(desk.map((f) => f.split('/')[2]).filter((f) => !f?.includes('.')));
    expect([...features].sort()).toEqual([
      'account',
      'audit',
      'inbox',
      'login',
      'people',
      'replies',
      'setup',
      'tip',
    ]);
    const long = desk.filter(
      (f) => readFileSync(join(root, 'src', f), 'utf8').split('\n').length > 300,
    );
    expect(long).toEqual([]);
  });
});
