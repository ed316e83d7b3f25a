import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/index.js';
import type { Store } from '../../src/core/index.js';
import { tempDir } from '../helpers.js';

const text = (value: string) => new TextEncoder().encode(value);
const read = async (store: Store, key: string) => {
  const value = await store.getMeta(key);
  return value && new TextDecoder().decode(value);
};

function openStore(): Store {
  return openSqliteStore(tempDir());
}

/** A promise and the function that settles it, to hold a transaction open across awaits. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('the asynchronous SQLite store', () => {
  it('makes a caller outside an open transaction wait until it commits', async () => {
    const store = openStore();
    const hold = gate();
    const writing = store.transaction(async () => {
      await store.setMeta('k', text('half'));
      await hold.opened;
      await store.setMeta('k', text('whole'));
    });
    const outside = read(store, 'k');
    hold.open();
    await writing;
    expect(await outside).toBe('whole');
    await store.close();
  });

  it('keeps a write from outside out of an open transaction that then rolls back', async () => {
    const store = openStore();
    const hold = gate();
    const failing = store.transaction(async () => {
      await store.setMeta('inside', text('1'));
      await hold.opened;
      throw new Error('abandoned');
    });
    const outsideWrite = store.setMeta('outside', text('2'));
    hold.open();
    await expect(failing).rejects.toThrow('abandoned');
    await outsideWrite;
    expect(await read(store, 'inside')).toBeUndefined();
    expect(await read(store, 'outside')).toBe('2');
    await store.close();
  });

  it('runs two transactions one after the other, never interleaved', async () => {
    const store = openStore();
    const order: string[] = [];
    const first = gate();
    const a = store.transaction(async () => {
      order.push('a:start');
      await first.opened;
      await store.setMeta('k', text('a'));
      order.push('a:end');
    });
    const b = store.transaction(async () => {
      order.push('b:start');
      await store.setMeta('k', text('b'));
      order.push('b:end');
    });
    first.open();
    await Promise.all([a, b]);
    expect(order).toEqual(['a:start', 'a:end', 'b:start', 'b:end']);
    expect(await read(store, 'k')).toBe('b');
    await store.close();
  });

  it('rolls back only a nested transaction whose failure the outer one catches', async () => {
    const store = openStore();
    await store.transaction(async () => {
      await store.setMeta('outer', text('kept'));
      await store
        .transaction(async () => {
          await store.setMeta('inner', text('undone'));
          throw new Error('inner failed');
        })
        .catch(() => undefined);
    });
    expect(await read(store, 'outer')).toBe('kept');
    expect(await read(store, 'inner')).toBeUndefined();
    await store.close();
  });

  it('rejects a failing statement without leaving the store unusable', async () => {
    const store = openStore();
    await expect(
      store.insertDeskKey({
        id: 'k' as never,
        deskId: 'no-such-desk' as never,
        publicKey: text('p'),
        recoveryGrant: text('g'),
        createdAt: 1,
        retiredAt: null,
      }),
    ).rejects.toThrow();
    await store.setMeta('after', text('ok'));
    expect(await read(store, 'after')).toBe('ok');
    await store.close();
  });
});
