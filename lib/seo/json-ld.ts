const UNSAFE = /[<>&\u2028\u2029]/g;

const ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON for a `<script type="application/ld+json">` element. `<`, `>` and `&` become \u003c, \u003e
 * and \u0026, so no string can close the element (`</script>`) or open a comment (`<!--`);
 * U+2028/U+2029 are escaped too, so the text is also valid JavaScript. Parsing it gives back
 * exactly the same value.
 */
export function serializeJsonLd(value: unknown): string {
  const json = JSON.stringify(value) ?? 'null';
  return json.replace(UNSAFE, (character) => ESCAPES[character] ?? character);
}
