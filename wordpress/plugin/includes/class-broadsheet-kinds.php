<?php
/**
 * What the frontend needs to know about each post type and taxonomy to serve it.
 *
 * @package Broadsheet
 */

defined( 'ABSPATH' ) || exit;

/**
 * Adds public facts to the REST API's post type and taxonomy objects (/wp/v2/types,
 * /wp/v2/taxonomies), so a frontend can discover at runtime which kinds of content a site has,
 * which of them have pages of their own, and at which paths.
 *
 * WordPress shows `viewable` (post types) and `visibility` (taxonomies) only in the edit
 * context, which needs a login, and does not show permalink structures at all. Everything
 * added here is already public: anyone can read it off the site's own links.
 */
final class Broadsheet_Kinds {

	/** Not instantiable: a namespace for static methods. */
	private function __construct() {}

	/** Hooks in. Harmless while the plugin is unconfigured: it only describes the site. */
	public static function register() {
		add_filter( 'rest_prepare_post_type', array( __CLASS__, 'describe_post_type' ), 10, 2 );
		add_filter( 'rest_prepare_taxonomy', array( __CLASS__, 'describe_taxonomy' ), 10, 2 );
	}

	/**
	 * Adds viewable, broadsheet_archive_link, broadsheet_permastruct and broadsheet_searchable
	 * to a post type, in every context.
	 *
	 * @param WP_REST_Response $response  The post type as the REST API prepared it.
	 * @param WP_Post_Type     $post_type The post type.
	 * @return WP_REST_Response
	 */
	public static function describe_post_type( $response, $post_type ) {
		if ( ! $response instanceof WP_REST_Response || ! $post_type instanceof WP_Post_Type ) {
			return $response;
		}
		$viewable     = is_post_type_viewable( $post_type );
		$archive_link = $viewable ? get_post_type_archive_link( $post_type->name ) : false;

		$data                            = $response->get_data();
		$data['viewable']                = $viewable;
		$data['broadsheet_archive_link'] = is_string( $archive_link ) && '' !== $archive_link ? $archive_link : null;
		// WordPress registers a structure for non-public types too, but serves nothing there.
		$data['broadsheet_permastruct'] = $viewable ? self::post_type_permastruct( $post_type->name ) : null;
		$data['broadsheet_searchable']   = ! $post_type->exclude_from_search;
		$response->set_data( $data );
		return $response;
	}

	/**
	 * Adds viewable and broadsheet_permastruct to a taxonomy, in every context.
	 *
	 * @param WP_REST_Response $response The taxonomy as the REST API prepared it.
	 * @param WP_Taxonomy      $taxonomy The taxonomy.
	 * @return WP_REST_Response
	 */
	public static function describe_taxonomy( $response, $taxonomy ) {
		if ( ! $response instanceof WP_REST_Response || ! $taxonomy instanceof WP_Taxonomy ) {
			return $response;
		}
		$viewable                       = is_taxonomy_viewable( $taxonomy );
		$data                           = $response->get_data();
		$data['viewable']               = $viewable;
		$data['broadsheet_permastruct'] = $viewable ? self::relative_permastruct( self::rewrite()->get_extra_permastruct( $taxonomy->name ) ) : null;
		$response->set_data( $data );
		return $response;
	}

	/**
	 * The permalink structure of a post type's single items, relative to the Site Address:
	 * "/%year%/%monthnum%/%postname%/" (posts: the site's setting), "/%pagename%/" (pages),
	 * "/events/%event%/" (a custom type). Null with plain permalinks, and for types without
	 * pretty links of their own (attachments, whose links hang off their posts').
	 *
	 * @param string $post_type Post type name.
	 * @return string|null
	 */
	private static function post_type_permastruct( $post_type ) {
		$rewrite = self::rewrite();
		if ( 'post' === $post_type ) {
			// Already relative to the Site Address, with the trailing slash the site chose.
			$structure = (string) get_option( 'permalink_structure' );
			return '' === $structure ? null : $structure;
		}
		if ( 'page' === $post_type ) {
			return self::relative_permastruct( $rewrite->get_page_permastruct() );
		}
		return self::relative_permastruct( $rewrite->get_extra_permastruct( $post_type ) );
	}

	/**
	 * A structure from WP_Rewrite as the site's links have it: with a leading slash (WordPress
	 * stores some without one) and a trailing slash when the site's permalinks end in one, as
	 * get_permalink() and get_term_link() add it.
	 *
	 * @param string|false $structure E.g. "events/%event%" or "/category/%category%".
	 * @return string|null
	 */
	private static function relative_permastruct( $structure ) {
		if ( ! is_string( $structure ) || '' === $structure || '' === (string) get_option( 'permalink_structure' ) ) {
			return null;
		}
		return user_trailingslashit( '/' . ltrim( $structure, '/' ) );
	}

	/**
	 * WordPress's rewrite object, set up by the time the REST API runs.
	 *
	 * @return WP_Rewrite
	 */
	private static function rewrite() {
		global $wp_rewrite;
		return $wp_rewrite;
	}
}
