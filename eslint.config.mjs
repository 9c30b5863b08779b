import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // WordPress already generates every image size and srcset; a second optimiser in front of
      // it would only add latency and a cache, so plain <img> with width, height and srcset is right.
      '@next/next/no-img-element': 'off',
    },
  },
  globalIgnores([
    '.next/**',
    '.wordpress/**',
    'node_modules/**',
    'test-results/**',
    'playwright-report/**',
    'next-env.d.ts',
  ]),
]);
