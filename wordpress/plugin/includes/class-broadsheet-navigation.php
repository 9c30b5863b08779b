<?php
/**
 * The site's menus and moved posts, as a theme would show them.
 *
 * @package Broadsheet
 */

defined( 'ABSPATH' ) || exit;

/**
 * Two public read-only REST routes under broadsheet/v1:
 *
 * - GET /navigation: the menus a theme would show. Core's /wp/v2/menus, /wp/v2/menu-items,
 *   /wp/v2/menu-locations and /wp/v2/navigation need a login (edit_theme_options), yet every
 *   visitor sees the menus on the site. Only what a theme prints is given: each item's id,
 *   parent, label, address and target — never drafts, menu ids of unused menus or settings.
 * - GET /moved?slug=…: where a post whose slug or date changed lives now, as WordPress's
 *   wp_old_slug_redirect() answers a 404 (the `_wp_old_slug` and `_wp_old_date` meta).
 */
final class Broadsheet_Navigation {

	const REST_NAMESPACE = 'broadsheet/v1';

	/** Bounds the items of one menu (a theme would not show more either). */
	const MAX_ITEMS = 200;

	/** Not instantiable: a namespace for static methods. */
	private function __construct() {}

	/** Hooks in. Harmless while the plugin is unconfigured: it only shows what the site shows. */
	public static function register() {
		add_action( 'rest_api_init', array( __CLASS__, 'register_routes' ) );
	}

	/** Registers the two routes. */
	public static function register_routes() {
		register_rest_route(
			self::REST_NAMESPACE,
			'/navigation',
			array(
				'methods'             => 'GET',
				'callback'            => array( __CLASS__, 'navigation' ),
				'permission_callback' => '__return_true',
			)
		);
		register_rest_route(
			self::REST_NAMESPACE,
			'/moved',
			array(
				'methods'             => 'GET',
				'callback'            => array( __CLASS__, 'moved' ),
				'permission_callback' => '__return_true',
				'args'                => array(
					'slug'     => array(
						'type'     => 'string',
						'required' => true,
					),
					'type'     => array(
						'type'    => 'string',
						'default' => 'post',
					),
					'year'     => array( 'type' => 'integer' ),
					'monthnum' => array( 'type' => 'integer' ),
					'day'      => array( 'type' => 'integer' ),
				),
			)
		);
	}

	/**
	 * The menus of the theme's locations (classic themes), and the site's navigation menu (block
	 * themes: the newest published wp_navigation, the one core's Navigation block falls back to).
	 *
	 * @return WP_REST_Response
	 */
	public static function navigation() {
		$locations = array();
		$assigned  = get_nav_menu_locations();
		foreach ( array_keys( get_registered_nav_menus() ) as $location ) {
			if ( empty( $assigned[ $location ] ) ) {
				continue;
			}
			$items = wp_get_nav_menu_items( (int) $assigned[ $location ], array( 'update_post_term_cache' => false ) );
			if ( is_array( $items ) ) {
				$locations[ $location ] = self::classic_items( $items );
			}
		}
		return new WP_REST_Response(
			array(
				'locations'  => (object) $locations,
				'navigation' => self::block_navigation(),
			)
		);
	}

	/**
	 * A classic menu's items, in menu order. wp_get_nav_menu_items() already leaves out items
	 * whose object is gone or unpublished, as a theme's menu does.
	 *
	 * @param WP_Post[] $items Menu items.
	 * @return array[]
	 */
	private static function classic_items( array $items ) {
		$public = array();
		foreach ( array_slice( $items, 0, self::MAX_ITEMS ) as $item ) {
			if ( ! empty( $item->_invalid ) ) {
				continue;
			}
			$public[] = array(
				'id'     => (int) $item->ID,
				'parent' => (int) $item->menu_item_parent,
				'title'  => wp_strip_all_tags( (string) $item->title ),
				'url'    => (string) $item->url,
				'target' => '_blank' === $item->target ? '_blank' : '',
			);
		}
		return $public;
	}

	/**
	 * The newest published wp_navigation menu as flat items, or null when there is none.
	 *
	 * @return array[]|null
	 */
	private static function block_navigation() {
		if ( ! post_type_exists( 'wp_navigation' ) ) {
			return null;
		}
		$menus = get_posts(
			array(
				'post_type'      => 'wp_navigation',
				'post_status'    => 'publish',
				'posts_per_page' => 1,
				'orderby'        => 'date',
				'order'          => 'DESC',
			)
		);
		if ( empty( $menus ) ) {
			return null;
		}
		$items = array();
		$next  = 1;
		self::block_items( parse_blocks( $menus[0]->post_content ), 0, $items, $next );
		return $items;
	}

	/**
	 * Flattens navigation blocks (links, submenus, page lists) into items with parents.
	 *
	 * @param array[] $blocks Parsed blocks.
	 * @param int     $parent Id of the parent item, 0 at the top.
	 * @param array[] $items  Items so far.
	 * @param int     $next   The next item id.
	 */
	private static function block_items( array $blocks, $parent, array &$items, &$next ) {
		foreach ( $blocks as $block ) {
			if ( count( $items ) >= self::MAX_ITEMS ) {
				return;
			}
			$name = isset( $block['blockName'] ) ? $block['blockName'] : '';
			if ( 'core/navigation-link' === $name || 'core/navigation-submenu' === $name ) {
				$attrs   = $block['attrs'];
				$id      = $next++;
				$items[] = array(
					'id'     => $id,
					'parent' => $parent,
					'title'  => wp_strip_all_tags( isset( $attrs['label'] ) ? (string) $attrs['label'] : '' ),
					'url'    => isset( $attrs['url'] ) ? (string) $attrs['url'] : '',
					'target' => ! empty( $attrs['opensInNewTab'] ) ? '_blank' : '',
				);
				self::block_items( $block['innerBlocks'], $id, $items, $next );
			} elseif ( 'core/page-list' === $name ) {
				self::page_list_items( $parent, $items, $next );
			}
		}
	}

	/**
	 * The published pages as the Page List block shows them: in menu order, nested.
	 *
	 * @param int     $parent Id of the parent item.
	 * @param array[] $items  Items so far.
	 * @param int     $next   The next item id.
	 */
	private static function page_list_items( $parent, array &$items, &$next ) {
		$ids = array();
		foreach ( get_pages( array( 'sort_column' => 'menu_order,post_title', 'number' => self::MAX_ITEMS ) ) as $page ) {
			$ids[ $page->ID ] = $next++;
			$items[]          = array(
				'id'     => $ids[ $page->ID ],
				'parent' => isset( $ids[ $page->post_parent ] ) ? $ids[ $page->post_parent ] : $parent,
				'title'  => wp_strip_all_tags( get_the_title( $page ) ),
				'url'    => get_permalink( $page ),
				'target' => '',
			);
		}
	}

	/**
	 * Where a moved post lives now, found as wp_old_slug_redirect() finds it: a post of the
	 * (non-hierarchical) type that once had this slug (`_wp_old_slug`), or that has this slug and
	 * once had this date (`_wp_old_date`), restricted to the date the old address named.
	 *
	 * @param WP_REST_Request $request The request.
	 * @return WP_REST_Response
	 */
	public static function moved( $request ) {
		$slug = sanitize_title( (string) $request['slug'] );
		$type = get_post_type_object( (string) $request['type'] );
		// "Nothing moved" is an answer like any other (200, link null), so a frontend may cache it.
		$nothing = new WP_REST_Response( array( 'link' => null ) );
		if ( '' === $slug || ! $type || ! is_post_type_viewable( $type ) || $type->hierarchical ) {
			return $nothing;
		}
		$date = array_filter(
			array(
				'year'     => (int) $request['year'],
				'monthnum' => (int) $request['monthnum'],
				'day'      => (int) $request['day'],
			)
		);
		$base = array(
			'post_type'      => $type->name,
			'post_status'    => 'publish',
			'posts_per_page' => 1,
			'fields'         => 'ids',
			'no_found_rows'  => true,
		);
		$date_query = $date ? array( self::date_query( $date ) ) : array();
		$found      = get_posts( $base + array( 'date_query' => $date_query, 'meta_query' => array( array( 'key' => '_wp_old_slug', 'value' => $slug ) ) ) );
		if ( ! $found && $date ) {
			$old_dates = array( 'key' => '_wp_old_date', 'value' => self::old_date_value( $date ), 'compare' => isset( $date['day'] ) ? '=' : 'LIKE' );
			$found     = get_posts( $base + array( 'name' => $slug, 'meta_query' => array( $old_dates ) ) );
		}
		if ( ! $found ) {
			return $nothing;
		}
		return new WP_REST_Response( array( 'link' => get_permalink( $found[0] ) ) );
	}

	/**
	 * A date_query clause for the parts of a date an old address named.
	 *
	 * @param int[] $date year, monthnum, day.
	 * @return int[]
	 */
	private static function date_query( array $date ) {
		$clause = array();
		foreach ( array( 'year' => 'year', 'monthnum' => 'month', 'day' => 'day' ) as $part => $key ) {
			if ( isset( $date[ $part ] ) ) {
				$clause[ $key ] = $date[ $part ];
			}
		}
		return $clause;
	}

	/**
	 * The `_wp_old_date` value (Y-m-d) an old address names; a prefix when it names no day.
	 *
	 * @param int[] $date year, monthnum, day.
	 * @return string
	 */
	private static function old_date_value( array $date ) {
		$value = sprintf( '%04d', $date['year'] ?? 0 );
		if ( isset( $date['monthnum'] ) ) {
			$value .= sprintf( '-%02d', $date['monthnum'] );
		}
		if ( isset( $date['day'] ) ) {
			$value .= sprintf( '-%02d', $date['day'] );
		}
		return $value;
	}
}
