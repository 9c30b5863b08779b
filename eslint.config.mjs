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
  {
    files: ['app/**/*.tsx', 'components/**/*.tsx'],
    ignores: ['components/intent-link.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'next/link',
              importNames: ['default'],
              message:
                'Use IntentLink (components/intent-link.tsx): next/link prefetches every link in view on load.',
            },
          ],
        },
      ],
    },
  },
  globalIgnores([
    '.next/**',
    '.wordpress/**',
    'node_modules/**',
    'test-results/**',
    'playwright-report/**',
    '.lighthouse-floor/**',
    'next-env.d.ts',
  ]),
]);
