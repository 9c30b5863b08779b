import { configurationFailureMessage, ConfigurationError, getConfig } from '@/lib/config';
import { checkWordPress } from '@/lib/wordpress';
import { installOutgoingRequestLimits } from './outgoing-requests';

/**
 * At server start: a wrong configuration stops the server with what to set; an unreachable
 * WordPress is reported in one plain line (no stack trace) and the server keeps running, since
 * cached pages need no WordPress.
 */
export function checkStartup() {
  let wordpressUrl: string;
  try {
    const config = getConfig();
    wordpressUrl = config.wordpressUrl;
    installOutgoingRequestLimits({
      timeoutMs: config.wordpressTimeoutMs,
      maxConnections: config.wordpressMaxConnections,
    });
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(configurationFailureMessage(error));
    process.exit(1);
  }
  // Not awaited: the server starts serving cached pages without waiting on WordPress.
  void checkWordPress().then((health) => {
    if (health.ok) {
      console.log(
        `Broadsheet: WordPress "${health.name}" is answering at ${wordpressUrl}; ` +
          `links under its Site Address, ${health.siteAddress}, are paths of this site.`,
      );
    } else {
      console.error(
        `Broadsheet: WordPress is not answering at ${wordpressUrl} (${health.reason}). ` +
          'Cached pages are still served; other pages show an error until it is back. ' +
          'Check WORDPRESS_URL, or start the embedded WordPress with `npm run wp:start`.',
      );
    }
  });
}
