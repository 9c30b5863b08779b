import { request } from 'node:http';

/**
 * GET with the path sent byte for byte. Browsers and Playwright's request API normalise paths
 * (`/%2E%2E/` becomes `/`) before sending; attackers' clients do not.
 */
export function rawGet(
  baseUrl: string,
  path: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}
