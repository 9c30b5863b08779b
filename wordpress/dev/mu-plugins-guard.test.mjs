import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNodeRuntime } from '@php-wasm/node';
import { PHP } from '@php-wasm/universal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The development-only must-use plugins act only on a local or development WordPress. Each is
 * loaded here by real PHP (WebAssembly, as the embedded WordPress runs it) with just enough of
 * WordPress stubbed to record what the plugin hooks into, under each environment type.
 */

const muPluginsFolder = join(import.meta.dirname, 'mu-plugins');
const muPlugins = readdirSync(muPluginsFolder).filter((name) => name.endsWith('.php'));

let php;
beforeAll(async () => {
  php = new PHP(await loadNodeRuntime('8.3', { emscriptenOptions: { processId: 1 } }));
  php.mkdir('/mu-plugins');
  for (const name of muPlugins) {
    php.writeFile(`/mu-plugins/${name}`, readFileSync(join(muPluginsFolder, name)));
  }
}, 60_000);
afterAll(() => php?.exit());

/** Loads one plugin as WordPress would, and reports the hooks it added and the notices it prints. */
async function load(plugin, environmentType) {
  const result = await php.run({
    code: `<?php
      define( 'ABSPATH', '/wordpress/' );
      $hooks = array();
      function add_action( $hook, $callback ) { $GLOBALS['hooks'][] = array( $hook, $callback ); }
      function add_filter( $hook, $callback ) { $GLOBALS['hooks'][] = array( $hook, $callback ); }
      function wp_get_environment_type() { return ${JSON.stringify(environmentType)}; }
      function current_user_can( $capability ) { return true; }
      function esc_html( $text ) { return htmlspecialchars( $text, ENT_QUOTES ); }
      include '/mu-plugins/${plugin}';
      ob_start();
      foreach ( $hooks as $hook ) {
        if ( 'admin_notices' === $hook[0] ) { call_user_func( $hook[1] ); }
      }
      $notices = ob_get_clean();
      echo json_encode( array( 'hooks' => array_column( $hooks, 0 ), 'notices' => $notices ) );`,
  });
  return JSON.parse(result.text);
}

// Each test runs PHP in WebAssembly; beside a busy end-to-end run that can take longer than
// Vitest's default five seconds without anything being wrong.
describe('the development-only mu-plugins', { timeout: 30_000 }, () => {
  it.each(muPlugins)(
    '%s hooks into nothing on a production or staging site, and says why',
    async (plugin) => {
      for (const environmentType of ['production', 'staging']) {
        const { hooks, notices } = await load(plugin, environmentType);
        expect(hooks, environmentType).toEqual(['admin_notices']);
        expect(notices).toContain(
          `wp-content/mu-plugins/${plugin} is part of Broadsheet’s development WordPress`,
        );
        expect(notices).toContain('is &quot;local&quot; or &quot;development&quot;');
      }
    },
  );

  it.each(muPlugins)('%s does its work on a local or development site', async (plugin) => {
    for (const environmentType of ['local', 'development']) {
      const { hooks, notices } = await load(plugin, environmentType);
      expect(hooks.length, environmentType).toBeGreaterThan(0);
      expect(hooks).not.toContain('admin_notices');
      expect(notices).toBe('');
    }
  });
});
