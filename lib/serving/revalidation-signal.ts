/**
 * The one link between Next's code and Broadsheet's server around it (server.mjs): after a
 * revalidation, the server's in-memory page copies must go, here and on every other instance.
 * They share a process, not a module graph (Next bundles its side), so the server leaves a
 * listener under a global symbol. Without that server (plain `next start`) this does nothing.
 */
const LISTENER = Symbol.for('broadsheet.revalidated');

type RevalidationListener = (tags: readonly string[]) => void;

export function signalRevalidation(tags: readonly string[]): void {
  const listener = (globalThis as { [LISTENER]?: RevalidationListener })[LISTENER];
  if (typeof listener !== 'function') return;
  try {
    listener(tags);
  } catch (error) {
    console.error(`[revalidate] the page cache could not be told: ${String(error)}`);
  }
}
