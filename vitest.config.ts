import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('.', import.meta.url)) },
  },
  test: {
    include: [
      'lib/**/*.test.ts',
      'components/**/*.test.ts?(x)',
      'serving/**/*.test.mjs',
      'wordpress/dev/import/**/*.test.mjs',
      'wordpress/dev/*.test.mjs',
      'scripts/**/*.test.mjs',
    ],
    environment: 'node',
  },
});
