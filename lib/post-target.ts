/** A post or page named by type and id, as preview and unlock URLs and forms name them. */
export type PostTarget = { id: number; type: 'post' | 'page' };

/** The post that untrusted type and id strings name, or null when they name nothing valid. */
export function parsePostTarget(type: unknown, id: unknown): PostTarget | null {
  if ((type !== 'post' && type !== 'page') || typeof id !== 'string' || !/^[1-9]\d{0,9}$/.test(id))
    return null;
  return { type, id: Number(id) };
}
