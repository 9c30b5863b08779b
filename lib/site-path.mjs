// Shared by the app (lib/wordpress/paths.ts) and the production server (serving/), which cannot
// import TypeScript.

/**
 * A path a browser reads as a path on this site. Two leading slashes, or a slash and a
 * backslash (browsers read `\` as `/`), make a protocol-relative URL: another host.
 * @param {string} path
 */
export function isSitePath(path) {
  return /^\/(?![/\\])/.test(path) && !/[\u0000-\u0020\u007f]/.test(path);
}
