<?php
/**
 * The styles WordPress prints for blocks, for the frontend to apply to post content.
 *
 * @package Broadsheet
 */

defined( 'ABSPATH' ) || exit;

/**
 * Two public facts the REST API lacks:
 *
 * - `broadsheet_global_styles` in the REST index: the site's global stylesheet as WordPress prints it
 *   (wp_get_global_stylesheet): the preset variables (`--wp--preset--…`), the preset classes that
 *   use them (`has-…-color`, `has-…-font-size`, …), the layout rules (`is-layout-flex`,
 *   `is-layout-constrained`, …) and the theme's styles. The frontend applies those of blocks and
 *   leaves out the theme's typography of the page (its `body` and element styles): it keeps its own.
 * - `broadsheet_block_styles` on every post of a type shown in REST: the block-supports CSS
 *   WordPress generated while rendering that post's content (per-container layout, gap and
 *   link colours, keyed by classes such as `wp-container-core-group-is-layout-1`).
 *
 * Both are CSS written by WordPress's style engine from theme.json and block attributes; the
 * frontend parses and filters them all the same.
 */
final class Broadsheet_Global_Styles {

	const FIELD          = 'broadsheet_block_styles';
	/** The name a global styles change is reported under, as a "settings" event. */
	const SETTINGS_EVENT = 'wp_global_styles';

	/**
	 * The block-supports CSS of the content rendered last in this request, by post id.
	 *
	 * @var array<int, string>
	 */
	private static $block_styles = array();

	/** Not instantiable: a namespace for static methods. */
	private function __construct() {}

	/**
	 * Hooks everything up. Called once from Broadsheet_Plugin::boot().
	 */
	public static function register() {
		add_filter( 'rest_index', array( __CLASS__, 'add_global_styles' ) );
		add_action( 'rest_api_init', array( __CLASS__, 'register_block_styles_field' ) );
		add_action( 'rest_api_init', array( __CLASS__, 'register_block_library_route' ) );
		// Around the rendering of the_content (do_blocks runs at priority 9): empty the
		// block-supports store before, read it after, so each post gets its own rules only.
		add_filter( 'the_content', array( __CLASS__, 'start_capture' ), 1 );
		add_filter( 'the_content', array( __CLASS__, 'end_capture' ), PHP_INT_MAX );
		// The frontend caches the REST index under its site tag: say when the stylesheet
		// changes, as a "settings" event (saving Styles in the Site Editor, switching themes).
		add_action( 'save_post_wp_global_styles', array( __CLASS__, 'on_global_styles_saved' ) );
		add_filter( 'broadsheet_watched_options', array( __CLASS__, 'watch_theme' ) );
	}

	/**
	 * Styles were saved in the Site Editor: reported like a changed setting.
	 */
	public static function on_global_styles_saved() {
		if ( Broadsheet_Plugin::is_configured() ) {
			Broadsheet_Webhooks::on_option_added( self::SETTINGS_EVENT );
		}
	}

	/**
	 * The active theme is a watched setting: switching themes changes every preset.
	 *
	 * @param string[] $options Watched option names.
	 * @return string[]
	 */
	public static function watch_theme( $options ) {
		$options[] = 'stylesheet';
		return $options;
	}

	/**
	 * `GET broadsheet/v1/block-library`: the block CSS this WordPress ships and prints on its own
	 * pages, as the frontend needs it to show blocks as WordPress does. Public: the same files
	 * anyone can read under wp-includes; here because the frontend cannot know where those are
	 * served from (a WordPress in its own directory, behind another address).
	 */
	public static function register_block_library_route() {
		register_rest_route(
			Broadsheet_Navigation::REST_NAMESPACE,
			'/block-library',
			array(
				'methods'             => 'GET',
				'callback'            => array( __CLASS__, 'block_library' ),
				'permission_callback' => '__return_true',
			)
		);
	}

	/**
	 * The stylesheets, in the order WordPress prints them: every block's styles (wp-block-library),
	 * then the opinionated ones (wp-block-library-theme) when the theme asks for them, as
	 * wp_common_block_scripts_and_styles() decides.
	 *
	 * @return WP_REST_Response
	 */
	public static function block_library() {
		$folder = ABSPATH . WPINC . '/css/dist/block-library/';
		$files  = array( 'style.min.css' );
		if ( current_theme_supports( 'wp-block-styles' ) ) {
			$files[] = 'theme.min.css';
		}
		$stylesheets = array();
		foreach ( $files as $file ) {
			$css = is_readable( $folder . $file ) ? file_get_contents( $folder . $file ) : false; // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file.
			if ( false !== $css ) {
				$stylesheets[] = $css;
			}
		}
		return new WP_REST_Response(
			array(
				'version'     => get_bloginfo( 'version' ),
				'stylesheets' => $stylesheets,
			)
		);
	}

	/**
	 * The block-supports CSS on every post type shown in REST.
	 */
	public static function register_block_styles_field() {
		foreach ( get_post_types( array( 'show_in_rest' => true ), 'names' ) as $post_type ) {
			add_filter( "rest_prepare_{$post_type}", array( __CLASS__, 'add_block_styles' ), 10, 2 );
		}
	}

	/**
	 * Adds the global stylesheet's preset variables, preset classes and layout rules to the REST
	 * index, which the frontend reads (and caches) for every page anyway.
	 *
	 * @param WP_REST_Response $response The REST index.
	 * @return WP_REST_Response
	 */
	public static function add_global_styles( $response ) {
		if ( $response instanceof WP_REST_Response && function_exists( 'wp_get_global_stylesheet' ) ) {
			$data                              = $response->get_data();
			// 'styles' holds the layout rules and the theme's own styles (its body, elements and
			// blocks); the frontend keeps those of blocks and leaves the page's typography its own.
			$data['broadsheet_global_styles'] = (string) wp_get_global_stylesheet( array( 'variables', 'presets', 'styles' ) );
			$response->set_data( $data );
		}
		return $response;
	}

	/**
	 * Empties the block-supports store before a post's content is rendered.
	 *
	 * @param string $content The content, unchanged.
	 * @return string
	 */
	public static function start_capture( $content ) {
		if ( self::rendering_excerpt() ) {
			return $content;
		}
		self::render_as_single_view();
		$store = self::block_supports_store();
		if ( $store ) {
			foreach ( array_keys( $store->get_all_rules() ) as $selector ) {
				$store->remove_rule( $selector );
			}
		}
		return $content;
	}

	/**
	 * Whether the_content runs for an excerpt: WordPress makes one from the content stripped of
	 * most blocks (wp_trim_excerpt, on get_the_excerpt), after the content in a REST answer. Its
	 * rendering would replace the content's block-supports rules with the excerpt's few.
	 *
	 * @return bool
	 */
	private static function rendering_excerpt() {
		return doing_filter( 'get_the_excerpt' );
	}

	/**
	 * The main query's flags while a REST answer renders a post's content, to put back after.
	 *
	 * @var array<string, bool>|null
	 */
	private static $saved_view = null;

	/**
	 * How deep in content rendering this request is.
	 *
	 * @var int
	 */
	private static $view_depth = 0;

	/**
	 * In a REST answer, the post's content is rendered as on the post's own page: blocks that
	 * show only there (is_singular(): the previous and next post links) would otherwise render as
	 * nothing, and the frontend could not show them.
	 */
	private static function render_as_single_view() {
		global $wp_query;
		// Content rendered inside content (a block showing another post's) keeps the outer view.
		++self::$view_depth;
		if ( 1 !== self::$view_depth || ! ( defined( 'REST_REQUEST' ) && REST_REQUEST ) || ! $wp_query instanceof WP_Query || $wp_query->is_singular ) {
			return;
		}
		$post = get_post();
		if ( ! $post ) {
			return;
		}
		self::$saved_view       = array(
			'is_singular' => $wp_query->is_singular,
			'is_single'   => $wp_query->is_single,
			'is_page'     => $wp_query->is_page,
		);
		$wp_query->is_singular = true;
		$wp_query->is_single   = 'page' !== $post->post_type;
		$wp_query->is_page     = 'page' === $post->post_type;
	}

	/** Puts the main query's flags back, once the content is rendered. */
	private static function restore_view() {
		global $wp_query;
		self::$view_depth = max( 0, self::$view_depth - 1 );
		if ( 0 !== self::$view_depth || null === self::$saved_view || ! $wp_query instanceof WP_Query ) {
			return;
		}
		foreach ( self::$saved_view as $flag => $value ) {
			$wp_query->$flag = $value;
		}
		self::$saved_view = null;
	}

	/**
	 * Keeps the block-supports CSS the rendering of the current post produced.
	 *
	 * @param string $content The rendered content, unchanged.
	 * @return string
	 */
	public static function end_capture( $content ) {
		if ( self::rendering_excerpt() ) {
			return $content;
		}
		self::restore_view();
		$post_id = get_the_ID();
		if ( $post_id && function_exists( 'wp_style_engine_get_stylesheet_from_context' ) ) {
			self::$block_styles[ (int) $post_id ] = wp_style_engine_get_stylesheet_from_context(
				'block-supports',
				array( 'prettify' => false )
			);
		}
		return $content;
	}

	/**
	 * Adds the captured block-supports CSS to a post's REST answer.
	 *
	 * @param WP_REST_Response $response The answer.
	 * @param WP_Post          $post     The post.
	 * @return WP_REST_Response
	 */
	public static function add_block_styles( $response, $post ) {
		if ( $response instanceof WP_REST_Response && $post instanceof WP_Post ) {
			$data                = $response->get_data();
			$data[ self::FIELD ] = isset( self::$block_styles[ $post->ID ] ) ? self::$block_styles[ $post->ID ] : '';
			$response->set_data( $data );
		}
		return $response;
	}

	/**
	 * The style engine's store of block-supports rules, when this WordPress has one.
	 *
	 * @return WP_Style_Engine_CSS_Rules_Store|null
	 */
	private static function block_supports_store() {
		return class_exists( 'WP_Style_Engine_CSS_Rules_Store' )
			? WP_Style_Engine_CSS_Rules_Store::get_store( 'block-supports' )
			: null;
	}
}
