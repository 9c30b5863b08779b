<?php
/**
 * Plugin Name: Broadsheet DEV — Site Address override (DEVELOPMENT ONLY)
 * Description: Development-only: lets the end-to-end tests move the Site Address (home) elsewhere over REST, as a headless site's is. Does nothing outside a local environment. Never install on a real site.
 * Version:     0.1.0
 * Requires at least: 6.0
 * Requires PHP: 7.4
 *
 * ===========================================================================
 *  DEVELOPMENT-ONLY. NEVER INSTALL THIS ON A REAL SITE.
 * ===========================================================================
 *
 * Why this exists: a headless WordPress usually has its Site Address (home) on the public
 * domain, often in a sub-folder (https://example.org/en), while the frontend reaches it at
 * another address. The end-to-end tests reproduce that on the embedded WordPress, whose
 * runner may fix the Site Address with WP_HOME, so the Site Address is overridden with a
 * filter rather than by changing the `home` option itself:
 *
 *   POST /broadsheet-dev/v1/site-address { "home": "https://example.org/en" } → { "home": … }
 *   POST /broadsheet-dev/v1/site-address { "home": "" }                       → back to normal
 *
 * Only an administrator may call it, and only where wp_get_environment_type() is "local" or "development";
 * anywhere else neither the route nor the filter exists.
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

const BROADSHEET_DEV_SITE_ADDRESS_OPTION = 'broadsheet_dev_site_address';

// Later than WordPress's own WP_HOME filter (_config_wp_home, priority 10), so it wins over it.
add_filter( 'option_home', 'broadsheet_dev_site_address_home', 100 );

/**
 * The overriding Site Address, when one is set.
 *
 * @param string $home The Site Address as WordPress has it.
 * @return string
 */
function broadsheet_dev_site_address_home( $home ) {
	$override = get_option( BROADSHEET_DEV_SITE_ADDRESS_OPTION, '' );
	return is_string( $override ) && '' !== $override ? $override : $home;
}

add_action(
	'rest_api_init',
	function () {
		register_rest_route(
			'broadsheet-dev/v1',
			'/site-address',
			array(
				'methods'             => 'POST',
				'permission_callback' => function () {
					return current_user_can( 'manage_options' );
				},
				'args'                => array(
					'home' => array(
						'type'     => 'string',
						'required' => true,
					),
				),
				'callback'            => 'broadsheet_dev_site_address_set',
			)
		);
	}
);

/**
 * Sets (or, with an empty home, removes) the overriding Site Address.
 *
 * @param WP_REST_Request $request The request.
 * @return array|WP_Error
 */
function broadsheet_dev_site_address_set( WP_REST_Request $request ) {
	$home = trim( (string) $request['home'] );
	if ( '' === $home ) {
		delete_option( BROADSHEET_DEV_SITE_ADDRESS_OPTION );
	} elseif ( ! preg_match( '#^https?://[a-z0-9.-]+(:\d+)?(/[a-z0-9._~%-]+)*/?$#i', $home ) ) {
		return new WP_Error(
			'broadsheet_dev_invalid_site_address',
			'home must be an http(s) URL without a query or fragment, e.g. https://example.org/en',
			array( 'status' => 400 )
		);
	} else {
		update_option( BROADSHEET_DEV_SITE_ADDRESS_OPTION, untrailingslashit( $home ), false );
	}
	return array( 'home' => home_url() );
}
