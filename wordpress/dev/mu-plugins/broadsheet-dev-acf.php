<?php
/**
 * Plugin Name: Broadsheet DEV — Advanced Custom Fields stand-in (DEVELOPMENT ONLY)
 * Description: Development-only stand-in that serves the `acf` REST field of Advanced Custom Fields on events, so Broadsheet's custom-field path can be developed offline. Never install on a real site.
 * Version:     0.1.0
 * Requires at least: 6.0
 * Requires PHP: 7.4
 *
 * ===========================================================================
 *  DEVELOPMENT-ONLY STAND-IN. NEVER INSTALL THIS ON A REAL SITE.
 * ===========================================================================
 *
 * Why this exists: the embedded development WordPress runs offline, where Advanced Custom
 * Fields cannot be installed. Sites that use it have a field group shown in the REST API, and
 * their posts then carry an `acf` object: field name => value. This file imitates that object
 * for one field group on events, and nothing else of ACF (no admin UI, no field editing, no
 * other objects):
 *
 *   venue        text              "The Reading Room, Harrow Street"
 *   starts_at    date_time_picker  "2026-11-14 19:30:00" (return format Y-m-d H:i:s)
 *   ticket_link  link              { "title", "url", "target" } (return format array), or null
 *   poster       image             the attachment as ACF's image array (return format array)
 *   programme    wysiwyg           HTML
 *
 * The values are post meta under the field names, with ACF's "_<name>" => field key references
 * beside them, as ACF stores them; the seed writes them.
 *
 * Output format: what ACF 6 answers with `?acf_format=standard` (or on a site that made
 * "standard" its REST format): each value formatted by its field type's return format — the
 * image as an array, the programme through ACF's content filters (paragraphs). ACF's default,
 * `?acf_format=light`, is honoured too: stored values as they are, the image as its attachment
 * ID. The programme is served as stored, unsanitised, as ACF serves it: HTML saved by an
 * editor with the unfiltered_html capability may hold anything.
 *
 * Also like ACF: the values of a password-protected event are served without the password.
 * A frontend must not show them before the reader has unlocked the event.
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

add_action( 'rest_api_init', 'broadsheet_dev_acf_register_rest' );

/**
 * The event field group: field name => [ ACF field type, ACF field key ].
 *
 * @return array<string, array{0: string, 1: string}>
 */
function broadsheet_dev_acf_event_fields() {
	return array(
		'venue'       => array( 'text', 'field_broadsheet_event_venue' ),
		'starts_at'   => array( 'date_time_picker', 'field_broadsheet_event_starts_at' ),
		'ticket_link' => array( 'link', 'field_broadsheet_event_ticket_link' ),
		'poster'      => array( 'image', 'field_broadsheet_event_poster' ),
		'programme'   => array( 'wysiwyg', 'field_broadsheet_event_programme' ),
	);
}

/**
 * Registers `acf` on events, unless the real plugin is active (it would register its own).
 */
function broadsheet_dev_acf_register_rest() {
	if ( class_exists( 'ACF' ) || ! post_type_exists( 'event' ) ) {
		return;
	}
	register_rest_field(
		'event',
		'acf',
		array(
			'get_callback' => 'broadsheet_dev_acf_rest_value',
			'schema'       => array(
				'description' => 'ACF fields (development stand-in).',
				'type'        => 'object',
				'context'     => array( 'view', 'edit' ),
				'readonly'    => true,
				'properties'  => array(
					'venue'       => array( 'type' => array( 'string', 'null' ) ),
					'starts_at'   => array( 'type' => array( 'string', 'null' ) ),
					'ticket_link' => array( 'type' => array( 'object', 'null' ) ),
					'poster'      => array( 'type' => array( 'object', 'integer', 'boolean', 'null' ) ),
					'programme'   => array( 'type' => array( 'string', 'null' ) ),
				),
			),
		)
	);
}

/**
 * get_callback for `acf`.
 *
 * @param array           $item    The event as the REST API prepared it.
 * @param string          $field   Field name ("acf").
 * @param WP_REST_Request $request The request (for acf_format).
 * @return array
 */
function broadsheet_dev_acf_rest_value( $item, $field, $request ) {
	$post_id  = isset( $item['id'] ) ? (int) $item['id'] : 0;
	$standard = 'light' !== $request->get_param( 'acf_format' );
	$values   = array();
	foreach ( broadsheet_dev_acf_event_fields() as $name => $definition ) {
		$stored          = metadata_exists( 'post', $post_id, $name ) ? get_post_meta( $post_id, $name, true ) : null;
		$values[ $name ] = broadsheet_dev_acf_format( $definition[0], $stored, $standard );
	}
	return $values;
}

/**
 * One value as ACF formats it for the REST API.
 *
 * @param string $type     ACF field type.
 * @param mixed  $stored   The stored value, null when the field was never saved.
 * @param bool   $standard Standard format (return formats applied) rather than light.
 * @return mixed
 */
function broadsheet_dev_acf_format( $type, $stored, $standard ) {
	if ( null === $stored ) {
		// ACF's image field formats a missing value as false in the standard format.
		return 'image' === $type && $standard ? false : null;
	}
	switch ( $type ) {
		case 'image':
			if ( ! $standard ) {
				return (int) $stored;
			}
			$image = broadsheet_dev_acf_image( (int) $stored );
			return null === $image ? false : $image;
		case 'link':
			if ( ! is_array( $stored ) ) {
				return null;
			}
			return array(
				'title'  => isset( $stored['title'] ) ? (string) $stored['title'] : '',
				'url'    => isset( $stored['url'] ) ? (string) $stored['url'] : '',
				'target' => isset( $stored['target'] ) ? (string) $stored['target'] : '',
			);
		case 'wysiwyg':
			// ACF's acf_the_content filter: the_content's text filters, without embeds or blocks.
			return $standard ? do_shortcode( shortcode_unautop( wpautop( convert_chars( wptexturize( (string) $stored ) ) ) ) ) : (string) $stored;
		default:
			return (string) $stored;
	}
}

/**
 * An image attachment as ACF's image array ("Image Array" return format), keys in ACF's order.
 *
 * @param int $attachment_id Attachment ID.
 * @return array|null
 */
function broadsheet_dev_acf_image( $attachment_id ) {
	$attachment = get_post( $attachment_id );
	if ( ! $attachment instanceof WP_Post || 'attachment' !== $attachment->post_type ) {
		return null;
	}
	$file      = get_attached_file( $attachment->ID );
	$full      = wp_get_attachment_image_src( $attachment->ID, 'full' );
	$mime_type = (string) $attachment->post_mime_type;
	$parts     = explode( '/', $mime_type, 2 );

	$sizes = array();
	foreach ( get_intermediate_image_sizes() as $size ) {
		$source = wp_get_attachment_image_src( $attachment->ID, $size );
		if ( is_array( $source ) ) {
			$sizes[ $size ]             = $source[0];
			$sizes[ $size . '-width' ]  = (int) $source[1];
			$sizes[ $size . '-height' ] = (int) $source[2];
		}
	}

	return array(
		'ID'          => (int) $attachment->ID,
		'id'          => (int) $attachment->ID,
		'title'       => $attachment->post_title,
		'filename'    => is_string( $file ) ? wp_basename( $file ) : '',
		'filesize'    => is_string( $file ) && file_exists( $file ) ? (int) filesize( $file ) : 0,
		'url'         => (string) wp_get_attachment_url( $attachment->ID ),
		'link'        => (string) get_attachment_link( $attachment->ID ),
		'alt'         => (string) get_post_meta( $attachment->ID, '_wp_attachment_image_alt', true ),
		'author'      => (string) $attachment->post_author,
		'description' => $attachment->post_content,
		'caption'     => $attachment->post_excerpt,
		'name'        => $attachment->post_name,
		'status'      => $attachment->post_status,
		'uploaded_to' => (int) $attachment->post_parent,
		'date'        => $attachment->post_date_gmt,
		'modified'    => $attachment->post_modified_gmt,
		'menu_order'  => (int) $attachment->menu_order,
		'mime_type'   => $mime_type,
		'type'        => $parts[0],
		'subtype'     => isset( $parts[1] ) ? $parts[1] : '',
		'icon'        => (string) wp_mime_type_icon( $attachment->ID ),
		'width'       => is_array( $full ) ? (int) $full[1] : 0,
		'height'      => is_array( $full ) ? (int) $full[2] : 0,
		'sizes'       => $sizes,
	);
}
