import { KIND_NAME } from '@/lib/wordpress';

/**
 * An item of any content kind named by type and id, as preview and unlock URLs and forms name
 * them. Whether the type exists is the registry's to say (lib/wordpress/kinds.ts); an unknown one
 * finds nothing.
 */
export type PostTarget = { id: number; type: string };

/** The item that untrusted type and id strings name, or null when they name nothing valid. */
export function parsePostTarget(type: unknown, id: unknown): PostTarget | null {
  if (typeof type !== 'string' || !KIND_NAME.test(type)) return null;
  if (typeof id !== 'string' || !/^[1-9]\d{0,9}$/.test(id)) return null;
  return { type, id: Number(id) };
}
