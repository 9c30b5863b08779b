<?php
/**
 * Configuration, start-up and admin notices.
 *
 * @package Broadsheet
 */

defined( 'ABSPATH' ) || exit;

/**
 * Reads the configuration and switches the plugin's features on only when it is complete.
 *
 * Everything is static: the plugin has no per-instance state, and the only mutable state
 * (the per-request webhook queue) lives in Broadsheet_Webhooks.
 */
final class Broadsheet_Plugin {

	const VERSION = '0.1.0';

	const OPTION_FRONTEND_URL = 'broadsheet_frontend_url';
	const OPTION_SECRET       = 'broadsheet_secret';

	/**
	 * Below this length a secret is refused: the same secret signs preview tokens, and a short
	 * one could be guessed offline from a single leaked preview link, exposing every draft.
	 */
	const MIN_SECRET_LENGTH = 16;

	/** 32 characters of random text is 190+ bits; the settings page nudges towards it. */
	const RECOMMENDED_SECRET_LENGTH = 32;

	/** Seconds a signed comment request stays valid, either way, for clocks that disagree. */
	const COMMENT_SIGNATURE_WINDOW = 300;

	/** Not instantiable: a namespace for static methods. */
	private function __construct() {}

	/**
	 * Hooks everything up. Called once from broadsheet.php while plugins load.
	 */
	public static function boot() {
		// The settings page and the notices must work while unconfigured: that is how an
		// operator finds out what is missing and fixes it.
		Broadsheet_Settings::register();
		add_action( 'admin_notices', array( __CLASS__, 'render_admin_notices' ) );
		add_filter( 'plugin_action_links_' . self::basename(), array( __CLASS__, 'add_settings_link' ) );
		// Public facts the frontend needs and the REST index lacks: the site's language, for
		// <html lang> and dates. Harmless while unconfigured.
		add_filter( 'rest_index', array( __CLASS__, 'add_site_language' ) );
		// Which post types and taxonomies have pages, at which paths: public facts as well.
		Broadsheet_Kinds::register();
		// The menus a theme would show, and where moved posts went: public as well.
		Broadsheet_Navigation::register();
		// The styles WordPress prints for blocks (presets, layout): public facts as well.
		Broadsheet_Global_Styles::register();
		// Settings → General and Reading: public facts too.
		Broadsheet_Site_Settings::register();

		// Half a configuration would mean unsigned or misdirected requests; do nothing instead.
		if ( ! self::is_configured() ) {
			return;
		}

		Broadsheet_Webhooks::register();
		Broadsheet_Previews::register();

		// The frontend's comment form posts to /wp/v2/comments without a WordPress login. Only
		// requests the frontend signed may do so: anyone else would bypass its honeypot and
		// limits. WordPress still applies comments_open(), required name/e-mail, flood and
		// moderation rules to each comment; this filter only lifts the "must be logged in" rule.
		add_filter( 'rest_allow_anonymous_comments', array( __CLASS__, 'allow_signed_anonymous_comment' ), 10, 2 );
		// Comments arrive from the frontend's server, so WordPress would see one address for
		// every reader (and its flood control would throttle them all as one).
		add_filter( 'rest_preprocess_comment', array( __CLASS__, 'use_signed_commenter_address' ), 10, 2 );
	}

	/**
	 * Lets an anonymous REST comment through when the frontend signed the request. Whatever
	 * else allowed anonymous comments before (another plugin, a site's own code) still does.
	 *
	 * @param bool            $allow   Whether anonymous comments are allowed so far.
	 * @param WP_REST_Request $request The REST request.
	 * @return bool
	 */
	public static function allow_signed_anonymous_comment( $allow, $request ) {
		return $allow || null !== self::signed_commenter_address( $request );
	}

	/**
	 * Records the reader's own address on a comment the frontend relays and vouches for.
	 * Anything else keeps WordPress's own REMOTE_ADDR.
	 *
	 * @param array           $prepared_comment The comment about to be checked and stored.
	 * @param WP_REST_Request $request          The REST request.
	 * @return array
	 */
	public static function use_signed_commenter_address( $prepared_comment, $request ) {
		$address = self::signed_commenter_address( $request );
		if ( null !== $address && '' !== $address ) {
			$prepared_comment['comment_author_IP'] = $address;
		}
		return $prepared_comment;
	}

	/**
	 * Checks the frontend's signature on a comment request: X-Broadsheet-Comment-Signature is
	 * "sha256=" . HMAC-SHA256 with the shared secret over
	 * "comment:<timestamp>\n<address>\n<raw body>", X-Broadsheet-Comment-Timestamp at most
	 * COMMENT_SIGNATURE_WINDOW seconds off, and X-Broadsheet-Commenter-Address the reader's
	 * address (absent when the frontend knows none). The "comment:" prefix keeps it apart from
	 * webhook and preview signatures; the body binds it to one comment, so a replay within the
	 * window can only repeat that comment, which WordPress refuses as a duplicate.
	 *
	 * @param WP_REST_Request $request The REST request.
	 * @return string|null The vouched-for address ('' when none was sent), or null when the
	 *                     request is not validly signed.
	 */
	public static function signed_commenter_address( $request ) {
		$timestamp = (string) $request->get_header( 'x_broadsheet_comment_timestamp' );
		$signature = (string) $request->get_header( 'x_broadsheet_comment_signature' );
		$address   = (string) $request->get_header( 'x_broadsheet_commenter_address' );
		if ( '' === $signature || ! preg_match( '/^\d{1,12}$/', $timestamp ) ) {
			return null;
		}
		if ( abs( time() - (int) $timestamp ) > self::COMMENT_SIGNATURE_WINDOW ) {
			return null;
		}
		if ( '' !== $address && ! rest_is_ip_address( $address ) ) {
			return null;
		}
		$message  = 'comment:' . $timestamp . "\n" . $address . "\n" . $request->get_body();
		$expected = 'sha256=' . hash_hmac( 'sha256', $message, self::secret() );
		return hash_equals( $expected, $signature ) ? $address : null;
	}

	/**
	 * Adds the site's language ("en-US", as WordPress prints it in <html lang>) and its comment
	 * threading and paging settings to /wp-json/.
	 *
	 * @param WP_REST_Response $response The REST index.
	 * @return WP_REST_Response
	 */
	public static function add_site_language( $response ) {
		$data                       = $response->get_data();
		$data['broadsheet_language'] = get_bloginfo( 'language' );
		// The discussion settings a comment section needs, which /wp/v2/settings keeps to admins.
		$data['broadsheet_comments'] = array(
			'thread_depth' => get_option( 'thread_comments' ) ? (int) get_option( 'thread_comments_depth' ) : 1,
			'per_page'     => get_option( 'page_comments' ) ? (int) get_option( 'comments_per_page' ) : 0,
			'order'        => 'desc' === get_option( 'comment_order' ) ? 'desc' : 'asc',
		);
		$response->set_data( $data );
		return $response;
	}

	/** The plugin's basename ("broadsheet/broadsheet.php" when installed normally). */
	public static function basename() {
		return plugin_basename( dirname( __DIR__ ) . '/broadsheet.php' );
	}

	/**
	 * The frontend origin, without trailing slash, or '' when not set. A constant in
	 * wp-config.php wins over the stored option.
	 *
	 * @return string
	 */
	public static function frontend_url() {
		$value = self::constant_value( 'BROADSHEET_FRONTEND_URL' );
		if ( null === $value ) {
			$value = (string) get_option( self::OPTION_FRONTEND_URL, '' );
		}
		return self::normalize_frontend_url( $value );
	}

	/**
	 * The shared secret, or '' when not set. A constant in wp-config.php wins over the option.
	 *
	 * @return string
	 */
	public static function secret() {
		$value = self::constant_value( 'BROADSHEET_SECRET' );
		if ( null === $value ) {
			$value = (string) get_option( self::OPTION_SECRET, '' );
		}
		return trim( $value );
	}

	/**
	 * Whether a setting comes from wp-config.php (and the settings page must not offer to edit it).
	 *
	 * @param string $name BROADSHEET_FRONTEND_URL or BROADSHEET_SECRET.
	 * @return bool
	 */
	public static function is_constant( $name ) {
		return null !== self::constant_value( $name );
	}

	/**
	 * True when both settings are present and usable.
	 *
	 * @return bool
	 */
	public static function is_configured() {
		return self::is_valid_frontend_url( self::frontend_url() )
			&& strlen( self::secret() ) >= self::MIN_SECRET_LENGTH;
	}

	/**
	 * Trims whitespace and trailing slashes, so "https://www.example.com/" and
	 * "https://www.example.com" produce the same /api/... URLs.
	 *
	 * @param string $url Raw value.
	 * @return string
	 */
	public static function normalize_frontend_url( $url ) {
		return rtrim( trim( (string) $url ), '/' );
	}

	/**
	 * An absolute http(s) URL with a host. Local hosts are allowed on purpose: development
	 * frontends run on 127.0.0.1.
	 *
	 * @param string $url Normalized URL.
	 * @return bool
	 */
	public static function is_valid_frontend_url( $url ) {
		if ( '' === $url ) {
			return false;
		}
		$parts = wp_parse_url( $url );
		return is_array( $parts )
			&& isset( $parts['scheme'], $parts['host'] )
			&& in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true )
			&& '' !== $parts['host']
			&& ! isset( $parts['query'] )
			&& ! isset( $parts['fragment'] );
	}

	/**
	 * What is wrong or weak in the configuration, for notices and the settings page.
	 *
	 * @return array<int, array{level: string, message: string}>
	 */
	public static function configuration_problems() {
		$problems = array();
		$url      = self::frontend_url();
		$secret   = self::secret();

		if ( '' === $url ) {
			$problems[] = array(
				'level'   => 'error',
				'message' => __( 'The frontend URL is not set. Define BROADSHEET_FRONTEND_URL in wp-config.php or fill it in under Settings → Broadsheet.', 'broadsheet' ),
			);
		} elseif ( ! self::is_valid_frontend_url( $url ) ) {
			$problems[] = array(
				'level'   => 'error',
				'message' => __( 'The frontend URL is not a valid http(s) origin such as https://www.example.com.', 'broadsheet' ),
			);
		}

		if ( '' === $secret ) {
			$problems[] = array(
				'level'   => 'error',
				'message' => __( 'The shared secret is not set. Define BROADSHEET_SECRET in wp-config.php or fill it in under Settings → Broadsheet; the frontend needs the same value.', 'broadsheet' ),
			);
		} elseif ( strlen( $secret ) < self::MIN_SECRET_LENGTH ) {
			$problems[] = array(
				'level'   => 'error',
				'message' => sprintf(
					/* translators: 1: current length, 2: minimum length, 3: recommended length. */
					__( 'The shared secret is too short (%1$d characters); Broadsheet stays off until it has at least %2$d. Use %3$d or more random characters.', 'broadsheet' ),
					strlen( $secret ),
					self::MIN_SECRET_LENGTH,
					self::RECOMMENDED_SECRET_LENGTH
				),
			);
		} elseif ( strlen( $secret ) < self::RECOMMENDED_SECRET_LENGTH ) {
			$problems[] = array(
				'level'   => 'warning',
				'message' => sprintf(
					/* translators: 1: current length, 2: recommended length. */
					__( 'The shared secret has only %1$d characters; %2$d or more random characters are recommended.', 'broadsheet' ),
					strlen( $secret ),
					self::RECOMMENDED_SECRET_LENGTH
				),
			);
		}

		return $problems;
	}

	/**
	 * Tells administrators what is missing, on every admin screen, because an unconfigured
	 * plugin otherwise fails silently (the frontend just never refreshes).
	 */
	public static function render_admin_notices() {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		$problems = self::configuration_problems();
		if ( ! $problems ) {
			return;
		}
		foreach ( $problems as $problem ) {
			printf(
				'<div class="notice notice-%1$s"><p><strong>%2$s</strong> %3$s</p></div>',
				esc_attr( $problem['level'] ),
				esc_html__( 'Broadsheet:', 'broadsheet' ),
				esc_html( $problem['message'] )
			);
		}
		if ( ! self::is_configured() ) {
			printf(
				'<div class="notice notice-info"><p><strong>%1$s</strong> %2$s</p></div>',
				esc_html__( 'Broadsheet:', 'broadsheet' ),
				esc_html__( 'Until this is fixed the plugin is inactive: no webhooks are sent and previews stay on WordPress.', 'broadsheet' )
			);
		}
	}

	/**
	 * Adds "Settings" next to "Deactivate" on the Plugins screen.
	 *
	 * @param string[] $links Existing action links.
	 * @return string[]
	 */
	public static function add_settings_link( $links ) {
		$links[] = sprintf(
			'<a href="%s">%s</a>',
			esc_url( admin_url( 'options-general.php?page=' . Broadsheet_Settings::PAGE ) ),
			esc_html__( 'Settings', 'broadsheet' )
		);
		return $links;
	}

	/**
	 * base64url without padding (RFC 4648 §5), as the frontend decodes it.
	 *
	 * @param string $bytes Raw bytes.
	 * @return string
	 */
	public static function base64url( $bytes ) {
		return rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- encoding a token, not obfuscating code.
	}

	/**
	 * A URL's path relative to the WordPress home, e.g. "/2024/03/05/hello/". The frontend
	 * serves WordPress's paths minus the folder WordPress may be installed in, so that
	 * folder is removed here too; for a site at the domain root it is the URL's path as is.
	 *
	 * @param string|WP_Error|false $url An absolute URL.
	 * @return string|null Null when there is no usable URL.
	 */
	public static function path_from_url( $url ) {
		if ( ! is_string( $url ) || '' === $url ) {
			return null;
		}
		$path      = (string) wp_parse_url( $url, PHP_URL_PATH );
		$home_path = trailingslashit( (string) wp_parse_url( home_url( '/' ), PHP_URL_PATH ) );
		if ( '' === $path || trailingslashit( $path ) === $home_path ) {
			return '/';
		}
		if ( '/' !== $home_path && 0 === strpos( $path, $home_path ) ) {
			$path = substr( $path, strlen( $home_path ) - 1 );
		}
		return $path;
	}

	/**
	 * A constant's value as a trimmed string, or null when undefined or empty (so an empty
	 * define does not hide a value saved on the settings page).
	 *
	 * @param string $name Constant name.
	 * @return string|null
	 */
	private static function constant_value( $name ) {
		if ( ! defined( $name ) ) {
			return null;
		}
		$value = constant( $name );
		if ( ! is_scalar( $value ) || '' === trim( (string) $value ) ) {
			return null;
		}
		return trim( (string) $value );
	}
}
