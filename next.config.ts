import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // WordPress's own URL style: /hello-world/ is canonical, /hello-world redirects to it.
  trailingSlash: true,
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
  async redirects() {
    // WordPress's own canonical redirect: the first page of a list has no /page/1/.
    return [{ source: '/page/1/', destination: '/', permanent: true }];
  },
};

export default nextConfig;
