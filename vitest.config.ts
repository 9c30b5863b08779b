import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const TEST_FILES = [
  'lib/**/*.test.ts',
  'components/**/*.test.ts?(x)',
  'serving/**/*.test.mjs',
  'wordpress/dev/import/**/*.test.mjs',
  'wordpress/dev/*.test.mjs',
  'scripts/**/*.test.mjs',
];

/**
 * Test files that replace a module or a global (`vi.mock`, `vi.resetModules`, `vi.stubGlobal`) get a
 * module graph and globals of their own, as Vitest gives every file by default.
 * Every other file shares one per worker: most of the suite's time was spent importing the same
 * modules (Next, React, the sanitiser) anew for each file: 52 s of the run, 20 s when shared.
 */
const REPLACES_MODULES_OR_GLOBALS = /\bvi\.(mock|doMock|unmock|doUnmock|resetModules|stubGlobal|stubEnv)\(/;
const filesReplacingModulesOrGlobals = ['lib', 'components', 'serving', 'scripts', 'wordpress/dev']
  .flatMap((folder) =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((file) => `${folder}/${file}`),
  )
  .filter((file) => /\.test\.(ts|tsx|mjs)$/.test(file) && !file.includes('node_modules'))
  .filter((file) => REPLACES_MODULES_OR_GLOBALS.test(readFileSync(file, 'utf8')));

export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('.', import.meta.url)) },
  },
  test: {
    environment: 'node',
    // The suite runs beside the end-to-end run on two cores, where a local request can wait
    // seconds for a core; a test that hangs still fails, after 30 s rather than Vitest's 5.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared modules',
          include: TEST_FILES,
          exclude: filesReplacingModulesOrGlobals,
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: 'own modules', include: filesReplacingModulesOrGlobals },
      },
    ],
  },
});
