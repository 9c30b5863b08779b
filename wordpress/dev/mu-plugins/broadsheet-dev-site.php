<?php
/**
 * Plugin Name: Broadsheet development site (dev only)
 * Description: Makes the embedded development WordPress work offline. Never install this on a real site.
 *
 * The embedded WordPress has no internet: Gravatar and oEmbed providers cannot be reached. This
 * must-use plugin stands in for them so the demo content looks like a real site's:
 * - avatars come from an image in the site's own media library (user meta broadsheet_avatar_id);
 * - YouTube embeds get the iframe markup YouTube's oEmbed endpoint would have returned;
 * - Co-Authors Plus (not installable offline) is imitated in its REST shape, so posts with
 *   several authors can be seeded and rendered.
 */

defined( 'ABSPATH' ) || exit;

// Development only: anywhere but a local or development environment this file does nothing, and
// says so to the site's administrators.
if ( ! in_array( function_exists( 'wp_get_environment_type' ) ? wp_get_environment_type() : '', array( 'local', 'development' ), true ) ) {
	add_action( 'admin_notices', static fn() => current_user_can( 'activate_plugins' ) && printf( '<div class="notice notice-error"><p>%s</p></div>', esc_html( 'wp-content/mu-plugins/' . basename( __FILE__ ) . ' is part of Broadsheet’s development WordPress and does nothing here: it acts only where wp_get_environment_type() is "local" or "development". Remove it.' ) ) );
	return;
}

add_filter(
	'pre_get_avatar_data',
	function ( $args, $id_or_email ) {
		$user_id = 0;
		if ( is_numeric( $id_or_email ) ) {
			$user_id = (int) $id_or_email;
		} elseif ( $id_or_email instanceof WP_User ) {
			$user_id = $id_or_email->ID;
		} elseif ( $id_or_email instanceof WP_Post ) {
			$user_id = (int) $id_or_email->post_author;
		} elseif ( $id_or_email instanceof WP_Comment ) {
			$user_id = (int) $id_or_email->user_id;
		}
		$attachment_id = $user_id ? (int) get_user_meta( $user_id, 'broadsheet_avatar_id', true ) : 0;
		if ( $attachment_id ) {
			$size = isset( $args['size'] ) ? (int) $args['size'] : 96;
			$src  = wp_get_attachment_image_src( $attachment_id, $size > 150 ? 'medium' : 'thumbnail' );
			if ( $src ) {
				$args['url']          = $src[0];
				$args['found_avatar'] = true;
			}
		}
		return $args;
	},
	10,
	2
);

add_filter(
	'pre_oembed_result',
	function ( $result, $url ) {
		if ( preg_match( '#^https://www\.youtube\.com/watch\?v=([A-Za-z0-9_-]{6,20})$#', $url, $match ) ) {
			return sprintf(
				'<iframe title="A video on YouTube" width="500" height="281" src="https://www.youtube.com/embed/%s?feature=oembed" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>',
				$match[1]
			);
		}
		return $result;
	},
	10,
	2
);

/*
 * Co-Authors Plus stand-in (dev only). The real plugin keeps a post's authors as terms of an
 * `author` taxonomy whose REST base is "coauthors": posts carry `coauthors: [term ids]` and
 * `_embed` brings the terms under wp:term, each linking to the author's archive. Registered
 * only when Co-Authors Plus itself is absent.
 */
add_action(
	'init',
	function () {
		if ( taxonomy_exists( 'author' ) ) {
			return;
		}
		register_taxonomy(
			'author',
			'post',
			array(
				'public'       => false,
				'show_ui'      => false,
				'rewrite'      => false,
				'show_in_rest' => true,
				'rest_base'    => 'coauthors',
				'hierarchical' => false,
			)
		);
	}
);

add_filter(
	'term_link',
	function ( $link, $term, $taxonomy ) {
		if ( 'author' !== $taxonomy ) {
			return $link;
		}
		$user = get_user_by( 'slug', preg_replace( '/^cap-/', '', $term->slug ) );
		return $user ? get_author_posts_url( $user->ID, $user->user_nicename ) : $link;
	},
	10,
	3
);

/*
 * A classic theme's menu locations (dev only). The dev site's block theme registers none; a
 * classic theme such as Twenty Twenty-One registers locations like these, which the seed fills.
 */
add_action(
	'after_setup_theme',
	function () {
		register_nav_menus(
			array(
				'primary' => 'Primary menu',
				'footer'  => 'Footer menu',
				'social'  => 'Social links menu',
			)
		);
	}
);
