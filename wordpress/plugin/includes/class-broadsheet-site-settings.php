<?php
/**
 * The Settings → General and Settings → Reading choices a frontend must honour, in the REST index.
 *
 * @package Broadsheet
 */

defined( 'ABSPATH' ) || exit;

/**
 * Adds to /wp-json/ what core's REST index does not say but every visitor of the site can see
 * anyway: the static front page and posts page, posts per page and per feed, whether search
 * engines are discouraged, the date and time formats, and the site icon in the sizes WordPress
 * prints in its head. /wp/v2/settings keeps these to administrators.
 *
 * Changes to these options are reported as "settings" events, like the other watched options.
 */
final class Broadsheet_Site_Settings {

	/** The options below, whose changes alter what the frontend renders. */
	const OPTIONS = array(
		'show_on_front',
		'page_on_front',
		'page_for_posts',
		'posts_per_page',
		'posts_per_rss',
		'blog_public',
		'date_format',
		'time_format',
		'timezone_string',
		'gmt_offset',
		'site_icon',
		'WPLANG',
		'permalink_structure',
	);

	/** The site icon's sizes WordPress's own head links to (wp_site_icon()). */
	const ICON_SIZES = array( 32, 180, 192, 270 );

	/** Not instantiable: a namespace for static methods. */
	private function __construct() {}

	/** Hooks in. Harmless while the plugin is unconfigured: it only describes the site. */
	public static function register() {
		add_filter( 'rest_index', array( __CLASS__, 'add_to_index' ) );
		add_filter( 'broadsheet_watched_options', array( __CLASS__, 'watch_options' ) );
	}

	/**
	 * Adds broadsheet_reading, broadsheet_formats, broadsheet_site_icon and broadsheet_permalinks to
	 * the REST index.
	 *
	 * @param WP_REST_Response $response The REST index.
	 * @return WP_REST_Response
	 */
	public static function add_to_index( $response ) {
		if ( ! $response instanceof WP_REST_Response ) {
			return $response;
		}
		$data                       = $response->get_data();
		$data['broadsheet_reading'] = array(
			'show_on_front'  => 'page' === get_option( 'show_on_front' ) ? 'page' : 'posts',
			'page_on_front'  => (int) get_option( 'page_on_front' ),
			'page_for_posts' => (int) get_option( 'page_for_posts' ),
			'posts_per_page' => (int) get_option( 'posts_per_page' ),
			'posts_per_rss'  => (int) get_option( 'posts_per_rss' ),
			'blog_public'    => (bool) get_option( 'blog_public' ),
		);
		$data['broadsheet_formats'] = array(
			'date_format' => (string) get_option( 'date_format' ),
			'time_format' => (string) get_option( 'time_format' ),
		);
		$icons = array();
		if ( has_site_icon() ) {
			foreach ( self::ICON_SIZES as $size ) {
				$icons[ (string) $size ] = get_site_icon_url( $size );
			}
		}
		// An empty object when the site has none, so the frontend serves its own.
		$data['broadsheet_site_icon'] = (object) $icons;
		// Where author archives live: the permalink structure's front and the author base, which
		// plugins move (false with plain permalinks, where authors are ?author=N).
		global $wp_rewrite;
		$data['broadsheet_permalinks'] = array(
			'author' => $wp_rewrite instanceof WP_Rewrite ? $wp_rewrite->get_author_permastruct() : false,
		);
		$response->set_data( $data );
		return $response;
	}

	/**
	 * Reports changes to these options as "settings" events.
	 *
	 * @param string[] $options The options already watched.
	 * @return string[]
	 */
	public static function watch_options( $options ) {
		return array_merge( (array) $options, self::OPTIONS );
	}
}
