import { postTip, type ServerChild } from './server-child.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the load has had a tip acknowledged (at most 10 s), so each kill hits a busy server. */
export async function warmedUp(load: { acked: readonly unknown[] }): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (load.acked.length === 0 && Date.now() < deadline) await sleep(20);
}

/** Tip senders on loopback until stopped or the server dies: bounded in count and time. */
export function startLoad(server: ServerChild, label: string, workers = 3, maxPerWorker = 150) {
  const acked: { message: string; codename: string }[] = [];
  let stop = false;
  const deadline = Date.now() + 15_000;
  const running = Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; i < maxPerWorker && !stop && Date.now() < deadline; i++) {
        const message = `${label} w${w} #${i}`;
        try {
          const result = await postTip(server.base, message);
          if (result.status === 200 && result.codename)
            acked.push({ message, codename: result.codename });
          else if (result.status !== 503) throw new Error(`status ${result.status}`);
        } catch (error) {
          // a connection cut by the kill is not an acknowledgement; the exit event may lag
          const died = await Promise.race([
            server.exited.then(() => true),
            sleep(3000).then(() => false),
          ]);
          if (died) return;
          throw error;
        }
      }
    }),
  );
  let failure: Error | undefined;
  const settled = running.catch((error: unknown) => {
    failure = error instanceof Error ? error : new Error(String(error));
  });
  return {
    acked,
    stop: async () => {
      stop = true;
      await settled;
      if (failure !== undefined) throw failure;
    },
  };
}
