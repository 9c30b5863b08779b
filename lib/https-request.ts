/**
 * Whether a reader reached this site over https, so cookies set for them can be `Secure`. Behind
 * a proxy that ends TLS the request itself is plain http; the configured public address says.
 */
export function isHttpsRequest(request: Request, siteUrl: string): boolean {
  return new URL(request.url).protocol === 'https:' || siteUrl.startsWith('https:');
}
