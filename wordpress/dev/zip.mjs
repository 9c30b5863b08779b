import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';

/** Writes every file of a zip archive under `target`. */
export function extractZip(zipFile, target) {
  const files = unzipSync(new Uint8Array(readFileSync(zipFile)));
  for (const [name, data] of Object.entries(files)) {
    const path = join(target, name);
    if (name.endsWith('/')) {
      mkdirSync(path, { recursive: true });
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, data);
    }
  }
}
