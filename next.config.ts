import { join } from 'node:path';
import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // WordPress's own URL style: /hello-world/ is canonical, /hello-world redirects to it.
  trailingSlash: true,
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
  // The test run (scripts/test.mjs) checks the types with `tsc` as a phase of its own, so its
  // builds skip Next's second pass over them; `npm run build` always checks.
  typescript: { ignoreBuildErrors: process.env.BROADSHEET_SKIP_BUILD_CHECKS === '1' },
  // Next's own file-system ISR cache, shared through Redis when REDIS_URL is set (see the file).
  cacheHandler: join(process.cwd(), 'serving', 'cache-handler.mjs'),
  async headers() {
    // Every response. HTML pages get their full Content-Security-Policy from server.mjs, which
    // replaces this baseline with one allowing exactly Next's own inline scripts in the page
    // (serving/security-headers.mjs).
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
          {
            key: 'Permissions-Policy',
            value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
          },
          {
            key: 'Content-Security-Policy',
            value: "frame-ancestors 'self'; object-src 'none'; base-uri 'self'",
          },
        ],
      },
    ];
  },
  async redirects() {
    // WordPress's own canonical redirect: the first page of a list has no /page/1/.
    return [{ source: '/page/1/', destination: '/', permanent: true }];
  },
};

export default nextConfig;
