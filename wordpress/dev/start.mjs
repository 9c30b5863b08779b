#!/usr/bin/env node
// Runs the embedded development WordPress in the foreground until Ctrl-C.
//   node wordpress/dev/start.mjs [--name dev] [--port 9400] [--permalinks /%postname%/] [--reset]
import { parseArgs } from 'node:util';
import { startEmbeddedWordPress } from './embedded-wordpress.mjs';

const { values } = parseArgs({
  options: {
    name: { type: 'string', default: 'dev' },
    port: { type: 'string' },
    permalinks: { type: 'string' },
    reset: { type: 'boolean', default: false },
  },
});

try {
  const wordpress = await startEmbeddedWordPress({
    name: values.name,
    port: values.port ? Number(values.port) : undefined,
    permalinkStructure: values.permalinks,
    reset: values.reset,
  });
  console.log(`[wordpress] Admin: ${wordpress.url}/wp-admin/ (admin / password). Ctrl-C stops it.`);
  const shutdown = async () => {
    await wordpress.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  console.error(`[wordpress] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
