import sodiumModule from 'libsodium-wrappers';

/** The libsodium handle every crypto function takes as its first argument. */
export type Sodium = typeof sodiumModule;

/** Resolves once libsodium's WebAssembly is ready; the only module-level state in tipline. */
export async function loadSodium(): Promise<Sodium> {
  await sodiumModule.ready;
  return sodiumModule;
}
