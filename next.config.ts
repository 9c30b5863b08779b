import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // WordPress's own URL style: /hello-world/ is canonical, /hello-world redirects to it.
  trailingSlash: true,
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
