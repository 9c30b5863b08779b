<?php
/**
 * Plugin Name: Broadsheet DEV — Redirection stand-in (DEVELOPMENT ONLY)
 * Description: Development-only stand-in that serves a fixed rule set in the shape of the Redirection plugin's REST API, so Broadsheet's redirect handling can be developed offline. Never install on a real site.
 * Version:     0.1.0
 * Requires at least: 6.0
 * Requires PHP: 7.4
 *
 * ===========================================================================
 *  DEVELOPMENT-ONLY STAND-IN. NEVER INSTALL THIS ON A REAL SITE.
 * ===========================================================================
 *
 * Why this exists: the embedded development WordPress runs offline, where the Redirection plugin
 * cannot be installed. Redirection lists its rules at GET /redirection/v1/redirect to users who
 * may manage it ({ items: [...], total }), each rule as its Red_Item::to_json() gives it: id, url
 * (the source path, from the domain's root), regex, action_type ("url" or "error"), action_code,
 * action_data.url (the target), match_type, match_data, position, enabled. This file answers
 * that route with a fixed set of rules, nothing more: no admin screens, no redirecting on
 * WordPress itself, no logs.
 *
 * The rules exercise what a frontend must honour or survive: an exact 301 to a renamed post, a
 * regular expression with a capture (302), an external 307, a 308 to a page, a 410, a loop, and
 * a regular expression that does not compile.
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

add_action(
	'rest_api_init',
	function () {
		if ( defined( 'REDIRECTION_VERSION' ) ) {
			return;
		}
		register_rest_route(
			'redirection/v1',
			'/redirect',
			array(
				'methods'             => 'GET',
				'callback'            => 'broadsheet_dev_redirection_list',
				'permission_callback' => static fn() => current_user_can( 'manage_options' ),
			)
		);
	}
);

/** A path on the Site Address, from the domain's root, as Redirection stores sources. */
function broadsheet_dev_redirection_source( $path ) {
	return (string) wp_parse_url( home_url( $path ), PHP_URL_PATH );
}

/** One rule in Red_Item::to_json()'s shape. */
function broadsheet_dev_redirection_rule( $id, $source, $code, $target, $regex = false ) {
	return array(
		'id'          => $id,
		'url'         => $source,
		'match_url'   => $regex ? 'regex' : $source,
		'match_data'  => array( 'source' => array( 'flag_query' => 'exact', 'flag_case' => false, 'flag_trailing' => false, 'flag_regex' => $regex ) ),
		'action_code' => $code,
		'action_type' => 410 === $code ? 'error' : 'url',
		'action_data' => 410 === $code ? null : array( 'url' => $target ),
		'match_type'  => 'url',
		'title'       => '',
		'hits'        => 0,
		'regex'       => $regex,
		'group_id'    => 1,
		'position'    => $id,
		'last_access' => '-',
		'enabled'     => true,
	);
}

/** GET /redirection/v1/redirect: the fixed rules, paged as Redirection pages them (page from 0). */
function broadsheet_dev_redirection_list( WP_REST_Request $request ) {
	$bridge  = get_page_by_path( 'the-bridge-that-learned-to-sing', OBJECT, 'post' );
	$contact = get_page_by_path( 'contact' );
	$home    = (string) wp_parse_url( home_url( '/' ), PHP_URL_PATH );
	$rules   = array(
		broadsheet_dev_redirection_rule( 1, broadsheet_dev_redirection_source( '/old-bridge-story/' ), 301, $bridge ? get_permalink( $bridge ) : home_url( '/' ) ),
		broadsheet_dev_redirection_rule( 2, '^' . preg_quote( $home, '' ) . 'desk/(\d{4})/?$', 302, $home . '$1/', true ),
		broadsheet_dev_redirection_rule( 3, broadsheet_dev_redirection_source( '/newsletter/' ), 307, 'https://newsletter.example.org/sign-up/' ),
		broadsheet_dev_redirection_rule( 4, broadsheet_dev_redirection_source( '/contact-us/' ), 308, $contact ? get_permalink( $contact ) : home_url( '/' ) ),
		broadsheet_dev_redirection_rule( 5, broadsheet_dev_redirection_source( '/withdrawn-story/' ), 410, '' ),
		broadsheet_dev_redirection_rule( 6, broadsheet_dev_redirection_source( '/loop-one/' ), 301, home_url( '/loop-two/' ) ),
		broadsheet_dev_redirection_rule( 7, broadsheet_dev_redirection_source( '/loop-two/' ), 301, home_url( '/loop-one/' ) ),
		broadsheet_dev_redirection_rule( 8, '^/broken/(', 301, home_url( '/' ), true ),
	);
	$per_page = max( 5, min( 200, (int) ( $request['per_page'] ?? 25 ) ) );
	$page     = max( 0, (int) ( $request['page'] ?? 0 ) );
	return new WP_REST_Response(
		array(
			'items' => array_slice( $rules, $page * $per_page, $per_page ),
			'total' => count( $rules ),
		)
	);
}
