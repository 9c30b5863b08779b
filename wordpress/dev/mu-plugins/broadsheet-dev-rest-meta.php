<?php
/**
 * Plugin Name: Broadsheet DEV — Yoast meta over REST (DEVELOPMENT ONLY)
 * Description: Development-only: lets the end-to-end tests write the Yoast meta that the Yoast stand-in reads, through WordPress's REST API. Never install on a real site.
 * Version:     0.1.0
 * Requires at least: 6.0
 * Requires PHP: 7.4
 *
 * ===========================================================================
 *  DEVELOPMENT-ONLY. NEVER INSTALL THIS ON A REAL SITE.
 * ===========================================================================
 *
 * Why this exists: the Yoast stand-in (broadsheet-dev-yoast.php) serves Yoast's
 * REST output from Yoast's own post meta (`_yoast_wpseo_title`,
 * `_yoast_wpseo_metadesc`) and, for archives, from the marker meta
 * `_broadsheet_dev_yoast` on terms and users. Keys starting with "_" are
 * protected: WordPress's REST API neither shows nor accepts them unless they
 * are registered. The end-to-end tests create content with hostile SEO titles
 * and descriptions as an editor would in Yoast's own editor panel, so the keys
 * are registered here, writable only by users who may edit the object.
 *
 * Real Yoast SEO keeps these values behind its own UI and REST routes; this
 * file imitates none of that.
 *
 * @package Broadsheet\Dev
 */

defined( 'ABSPATH' ) || exit;

// Development only: anywhere but a local or development environment this file does nothing, and
// says so to the site's administrators.
if ( ! in_array( function_exists( 'wp_get_environment_type' ) ? wp_get_environment_type() : '', array( 'local', 'development' ), true ) ) {
	add_action( 'admin_notices', static fn() => current_user_can( 'activate_plugins' ) && printf( '<div class="notice notice-error"><p>%s</p></div>', esc_html( 'wp-content/mu-plugins/' . basename( __FILE__ ) . ' is part of Broadsheet’s development WordPress and does nothing here: it acts only where wp_get_environment_type() is "local" or "development". Remove it.' ) ) );
	return;
}

add_action( 'init', 'broadsheet_dev_rest_meta_register' );

/**
 * Registers the Yoast meta of posts, pages and events, and the archive marker of
 * categories, tags, event series and users, in the REST API.
 */
function broadsheet_dev_rest_meta_register() {
	foreach ( [ 'post', 'page', 'event' ] as $post_type ) {
		foreach ( [ '_yoast_wpseo_title', '_yoast_wpseo_metadesc' ] as $key ) {
			register_post_meta(
				$post_type,
				$key,
				[
					'type'          => 'string',
					'single'        => true,
					'show_in_rest'  => true,
					'auth_callback' => function ( $allowed, $meta_key, $post_id ) {
						return current_user_can( 'edit_post', $post_id );
					},
				]
			);
		}
	}

	foreach ( [ 'category', 'post_tag', 'event_series' ] as $taxonomy ) {
		register_term_meta(
			$taxonomy,
			'_broadsheet_dev_yoast',
			[
				'type'          => 'boolean',
				'single'        => true,
				'show_in_rest'  => true,
				'auth_callback' => function ( $allowed, $meta_key, $term_id ) {
					return current_user_can( 'edit_term', $term_id );
				},
			]
		);
	}

	register_meta(
		'user',
		'_broadsheet_dev_yoast',
		[
			'type'          => 'boolean',
			'single'        => true,
			'show_in_rest'  => true,
			'auth_callback' => function ( $allowed, $meta_key, $user_id ) {
				return current_user_can( 'edit_user', $user_id );
			},
		]
	);
}
