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
 *   link colours, keyed by classes such as `wp-container-core-group-is-layout-1`), and
 *   `broadsheet_blocks`: the names of the blocks that rendering rendered, in order, for a site
 *   that loads each block's CSS only with the block (see block_library()).
 *
 * Both are CSS written by WordPress's style engine from theme.json and block attributes; the
 * frontend parses and filters them all the same.
 */
final class Broadsheet_Global_Styles {

	const FIELD          = 'broadsheet_block_styles';
	const BLOCKS_FIELD   = 'broadsheet_blocks';
	/** The name a global styles change is reported under, as a "settings" event. */
	const SETTINGS_EVENT = 'wp_global_styles';

	/**
	 * The block-supports CSS of the content rendered last in this request, by post id.
	 *
	 * @var array<int, string>
	 */
	private static $block_styles = array();

	/**
	 * The names of the blocks the content rendered last in this request rendered, by post id.
	 *
	 * @var array<int, array<string, true>>
	 */
	private static $block_names = array();

	/**
	 * The names of the blocks rendered since the current capture began.
	 *
	 * @var array<string, true>
	 */
	private static $rendering = array();

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
		add_filter( 'render_block', array( __CLASS__, 'note_block' ), 10, 2 );
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
		$folder      = ABSPATH . WPINC . '/css/dist/block-library/';
		$theme_style = current_theme_supports( 'wp-block-styles' );
		$data        = array( 'version' => get_bloginfo( 'version' ) );
		// Block themes load the common rules, then each block's own (and its opinionated ones when
		// the theme asks for them) only with a block the page renders. Asked directly: in a REST
		// request wp_should_load_separate_core_block_assets() always says no.
		if ( apply_filters( 'should_load_separate_core_block_assets', false ) ) {
			$data['stylesheets'] = self::read_files( array( $folder . 'common.min.css' ) );
			$data['blocks']      = array();
			foreach ( glob( ABSPATH . WPINC . '/blocks/*', GLOB_ONLYDIR ) as $block_folder ) {
				$files = array( $block_folder . '/style.min.css' );
				if ( $theme_style ) {
					$files[] = $block_folder . '/theme.min.css';
				}
				$css = implode( "\n", self::read_files( $files ) );
				if ( '' !== $css ) {
					$data['blocks'][ 'core/' . basename( $block_folder ) ] = $css;
				}
			}
		} else {
			$files = array( $folder . 'style.min.css' );
			if ( $theme_style ) {
				$files[] = $folder . 'theme.min.css';
			}
			$data['stylesheets'] = self::read_files( $files );
		}
		return new WP_REST_Response( $data );
	}

	/**
	 * The contents of the files that exist, in order.
	 *
	 * @param string[] $paths Local files.
	 * @return string[]
	 */
	private static function read_files( $paths ) {
		$contents = array();
		foreach ( $paths as $path ) {
			$css = is_readable( $path ) ? file_get_contents( $path ) : false; // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file.
			if ( false !== $css && '' !== $css ) {
				$contents[] = $css;
			}
		}
		return $contents;
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
		if ( 1 === self::$view_depth ) {
			self::$rendering = array();
		}
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
		if ( $post_id && 0 === self::$view_depth ) {
			self::$block_names[ (int) $post_id ] = self::$rendering;
		}
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
			$data                       = $response->get_data();
			$data[ self::FIELD ]        = isset( self::$block_styles[ $post->ID ] ) ? self::$block_styles[ $post->ID ] : '';
			$data[ self::BLOCKS_FIELD ] = isset( self::$block_names[ $post->ID ] ) ? array_keys( self::$block_names[ $post->ID ] ) : array();
			$response->set_data( $data );
		}
		return $response;
	}

	/**
	 * Notes a block the content being captured rendered (WordPress would load its CSS with it).
	 *
	 * @param string $html  The block's HTML, unchanged.
	 * @param array  $block The parsed block.
	 * @return string
	 */
	public static function note_block( $html, $block ) {
		if ( self::$view_depth > 0 && ! self::rendering_excerpt() && ! empty( $block['blockName'] ) ) {
			self::$rendering[ (string) $block['blockName'] ] = true;
		}
		return $html;
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
