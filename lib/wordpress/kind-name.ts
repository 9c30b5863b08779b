/**
 * A post type's or taxonomy's name as WordPress allows them (sanitize_key; 20 and 32 characters
 * at most): the one grammar every place that reads a kind's name from a URL, a form, a token or
 * WordPress itself checks against. Whether the kind exists the registry says (kinds.ts).
 * Dependency-free, so browser-bound modules may import it directly.
 */
export const KIND_NAME = /^[a-z0-9_-]{1,32}$/;
