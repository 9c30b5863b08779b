<?php
/**
 * Plugin Name: Broadsheet DEV — events and series (DEVELOPMENT ONLY)
 * Description: Development-only custom content for the demo magazine: an "event" post type with an "event_series" taxonomy, and a private "internal_note" type. Never install on a real site.
 * Version:     0.1.0
 * Requires at least: 6.0
 * Requires PHP: 7.4
 *
 * ===========================================================================
 *  DEVELOPMENT-ONLY. NEVER INSTALL THIS ON A REAL SITE.
 * ===========================================================================
 *
 * Why this exists: Broadsheet discovers a site's kinds of content from the REST API
 * (/wp/v2/types, /wp/v2/taxonomies) instead of knowing only posts, pages, categories and tags.
 * The demo site needs custom ones to exercise that, registered the way a theme or an events
 * plugin would:
 *
 *   - `event`: public, in the REST API at /wp/v2/events, archive at /events/, single events at
 *     /events/<slug>/ (whatever the site's permalink structure).
 *   - `event_series`: hierarchical taxonomy of events, at /wp/v2/event-series, archives at
 *     /series/<parent>/<child>/.
 *   - `internal_note`: not public but shown in the REST API (editorial notes), so the frontend's
 *     registry must learn to leave a type like it out.
 *
 * The seed (wordpress/dev/seed/seed.php) fills them from content.json.
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

// Before the default priority, so code hooked to init later (the Yoast and ACF stand-ins,
// other plugins) finds the types registered.
add_action( 'init', 'broadsheet_dev_events_register', 5 );

/**
 * Registers the event post type, its series taxonomy and the internal note type.
 */
function broadsheet_dev_events_register() {
	register_post_type(
		'event',
		array(
			'labels'        => array(
				'name'          => 'Events',
				'singular_name' => 'Event',
				'add_new_item'  => 'Add New Event',
				'edit_item'     => 'Edit Event',
				'all_items'     => 'All Events',
				'view_item'     => 'View Event',
				'search_items'  => 'Search Events',
				'not_found'     => 'No events found.',
				'archives'      => 'Event Archives',
			),
			'description'   => 'Talks, walks, workshops and suppers hosted by the magazine.',
			'public'        => true,
			'show_in_rest'  => true,
			'rest_base'     => 'events',
			'has_archive'   => 'events',
			// Events keep /events/… whatever the posts' structure begins with.
			'rewrite'       => array(
				'slug'       => 'events',
				'with_front' => false,
			),
			'menu_icon'     => 'dashicons-calendar-alt',
			'menu_position' => 5,
			'supports'      => array( 'title', 'editor', 'excerpt', 'thumbnail', 'author', 'custom-fields' ),
			'taxonomies'    => array( 'event_series' ),
		)
	);

	register_taxonomy(
		'event_series',
		array( 'event' ),
		array(
			'labels'            => array(
				'name'          => 'Series',
				'singular_name' => 'Series',
				'all_items'     => 'All Series',
				'edit_item'     => 'Edit Series',
				'add_new_item'  => 'Add New Series',
				'parent_item'   => 'Parent Series',
				'search_items'  => 'Search Series',
				'not_found'     => 'No series found.',
			),
			'description'       => 'Recurring strands of events.',
			'public'            => true,
			'hierarchical'      => true,
			'show_in_rest'      => true,
			'rest_base'         => 'event-series',
			'show_admin_column' => true,
			// A child series' archive is /series/<parent>/<child>/.
			'rewrite'           => array(
				'slug'         => 'series',
				'with_front'   => false,
				'hierarchical' => true,
			),
		)
	);

	// A directory of the magazine's people: public pages at /people/<slug>/, no archive. The
	// frontend needs no code for it: its registry of kinds finds it in the REST API.
	register_post_type(
		'person',
		array(
			'labels'       => array(
				'name'          => 'People',
				'singular_name' => 'Person',
			),
			'description'  => 'Who makes the magazine.',
			'public'       => true,
			'show_in_rest' => true,
			'rest_base'    => 'people',
			'has_archive'  => false,
			'rewrite'      => array(
				'slug'       => 'people',
				'with_front' => false,
			),
			'menu_icon'    => 'dashicons-groups',
			'supports'     => array( 'title', 'editor', 'excerpt', 'author' ),
		)
	);

	register_post_type(
		'internal_note',
		array(
			'labels'       => array(
				'name'          => 'Internal Notes',
				'singular_name' => 'Internal Note',
			),
			'description'  => 'Notes between editors. Never shown to readers.',
			'public'       => false,
			'show_ui'      => true,
			'show_in_rest' => true,
			'rest_base'    => 'internal-notes',
			'menu_icon'    => 'dashicons-sticky',
			'supports'     => array( 'title', 'editor', 'author' ),
		)
	);
}
