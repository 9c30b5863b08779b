<?php
/**
 * Previews on the frontend.
 *
 * @package Broadsheet
 */

defined( 'ABSPATH' ) || exit;

/**
 * Points "Preview" at the frontend with a short-lived signed token.
 *
 * The token names the post and expires; it does not carry the secret or any WordPress
 * credential. The frontend verifies it and then fetches the draft with its own application
 * password.
 */
final class Broadsheet_Previews {

	/** How long a preview link works: long enough to click, short enough to leak harmlessly. */
	const TOKEN_LIFETIME = 600;

	/** Not instantiable: a namespace for static methods. */
	private function __construct() {}

	/** Called only when the plugin is configured. */
	public static function register() {
		add_filter( 'preview_post_link', array( __CLASS__, 'filter_preview_link' ), 10, 2 );
		// The block editor previews drafts at WordPress's own "?p=ID&preview=true" URL rather
		// than the preview_post_link one; catch that request and send it on to the frontend.
		add_action( 'template_redirect', array( __CLASS__, 'redirect_wordpress_preview' ), 1 );
		add_action( 'rest_api_init', array( __CLASS__, 'register_rest_field' ) );
	}

	/**
	 * Exposes the frontend preview link in the REST API (edit context only), so headless editors
	 * and tests get exactly the link WordPress's Preview button opens.
	 */
	public static function register_rest_field() {
		foreach ( get_post_types( array( 'show_in_rest' => true ), 'names' ) as $post_type ) {
			if ( ! Broadsheet_Webhooks::is_tracked_post_type( $post_type ) ) {
				continue;
			}
			register_rest_field(
				$post_type,
				'broadsheet_preview_link',
				array(
					'get_callback' => array( __CLASS__, 'rest_preview_link' ),
					'schema'       => array(
						'description' => 'The Broadsheet frontend preview link for this post (expires after ten minutes).',
						'type'        => array( 'string', 'null' ),
						'context'     => array( 'edit' ),
						'readonly'    => true,
					),
				)
			);
		}
	}

	/**
	 * @param array $data The post as the REST API prepares it.
	 * @return string|null
	 */
	public static function rest_preview_link( $data ) {
		$post = isset( $data['id'] ) ? get_post( (int) $data['id'] ) : null;
		return $post && self::may_preview( $post ) ? self::preview_url( $post ) : null;
	}

	/**
	 * Replaces WordPress's preview URL with the frontend's, for users who may edit the post.
	 *
	 * @param string       $link WordPress's preview URL.
	 * @param WP_Post|null $post The post being previewed.
	 * @return string
	 */
	public static function filter_preview_link( $link, $post ) {
		$post = get_post( $post );
		if ( ! $post instanceof WP_Post || ! self::may_preview( $post ) ) {
			return $link;
		}
		return self::preview_url( $post );
	}

	/**
	 * Sends an editor who lands on a WordPress preview URL to the frontend's preview instead:
	 * WordPress's own theme is not what visitors see.
	 */
	public static function redirect_wordpress_preview() {
		if ( ! is_preview() ) {
			return;
		}
		// "Preview changes" on a published post names the post in preview_id; a draft preview
		// is an ordinary query for the draft.
		$post_id = isset( $_GET['preview_id'] ) ? absint( $_GET['preview_id'] ) : 0; // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- read-only; access is checked below.
		if ( ! $post_id ) {
			$post_id = get_queried_object_id();
		}
		$post = $post_id ? get_post( $post_id ) : null;
		if ( ! $post instanceof WP_Post || ! self::may_preview( $post ) ) {
			return;
		}
		nocache_headers();
		// The frontend is a different host, so wp_safe_redirect() would refuse it; the target
		// is the operator's configured URL, not user input.
		wp_redirect( self::preview_url( $post ), 302 ); // phpcs:ignore WordPress.Security.SafeRedirect.wp_redirect_wp_redirect
		exit;
	}

	/**
	 * {FRONTEND_URL}/api/preview?token=...
	 *
	 * @param WP_Post $post The post.
	 * @return string
	 */
	public static function preview_url( WP_Post $post ) {
		// The token only contains [A-Za-z0-9_.-], which needs no encoding; rawurlencode()
		// keeps that true even if the format changes.
		return Broadsheet_Plugin::frontend_url() . '/api/preview/?token=' . rawurlencode( self::token( $post ) );
	}

	/**
	 * base64url(payload) . "." . hex(HMAC-SHA256("preview:" . base64url(payload), secret)).
	 *
	 * The "preview:" prefix keeps a preview signature from ever being valid as a webhook
	 * signature (those are prefixed "webhook:"), and vice versa.
	 *
	 * @param WP_Post $post The post.
	 * @return string
	 */
	public static function token( WP_Post $post ) {
		$payload = Broadsheet_Plugin::base64url(
			(string) wp_json_encode(
				array(
					'id'   => (int) $post->ID,
					'type' => $post->post_type,
					'exp'  => time() + self::TOKEN_LIFETIME,
				)
			)
		);
		return $payload . '.' . hash_hmac( 'sha256', 'preview:' . $payload, Broadsheet_Plugin::secret() );
	}

	/**
	 * Only editors of the post get a frontend link, and only for content the frontend renders.
	 *
	 * @param WP_Post $post The post.
	 * @return bool
	 */
	private static function may_preview( WP_Post $post ) {
		return Broadsheet_Webhooks::is_tracked_post_type( $post->post_type )
			&& current_user_can( 'edit_post', $post->ID );
	}
}
