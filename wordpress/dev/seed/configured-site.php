<?php
/**
 * The second seeded configuration: the demo site as an owner might have set it up in wp-admin,
 * rather than on WordPress's defaults. Required by seed.php after the content is in, when
 * BROADSHEET_SEED_CONFIGURATION is "configured"; everything goes through WordPress's own APIs.
 *
 * - Settings → Reading: a static front page and a posts page, six posts per page, eight per
 *   feed, "Discourage search engines from indexing this site".
 * - Settings → General: the timezone "UTC+5:30" (a UTC offset, no named zone), a custom date
 *   format and a 24-hour time format, and a site icon.
 * - The Site Address (`home`) lives elsewhere: the start script defines WP_HOME in wp-config.php
 *   (a sub-folder of another origin), which is how WordPress lets an owner set it outside the
 *   database; this step only reads it.
 *
 * @package Broadsheet
 */

defined( 'ABSPATH' ) || exit;

/** What this configuration chose, for the seed's result line (and so for the tests' logs). */
function broadsheet_seed_configure_site() {
	// The timezone first: moving existing posts to local time reads it.
	update_option( 'timezone_string', '' );
	update_option( 'gmt_offset', 5.5 );
	update_option( 'date_format', 'l jS \o\f F Y' );
	update_option( 'time_format', 'H:i' );
	update_option( 'posts_per_page', 6 );
	update_option( 'posts_per_rss', 8 );
	update_option( 'blog_public', 0 );

	// The seed gave every item the same local and UTC time, as on a UTC site. Here local time is
	// five and a half hours ahead, and date permalinks follow it, as they would on a site that
	// was always in this timezone.
	$items = get_posts(
		array(
			'post_type'   => 'any',
			'post_status' => array( 'publish', 'future', 'draft', 'private' ),
			'numberposts' => -1,
		)
	);
	foreach ( $items as $item ) {
		broadsheet_seed_check(
			wp_update_post(
				array(
					'ID'            => $item->ID,
					'post_date'     => get_date_from_gmt( $item->post_date_gmt ),
					'post_date_gmt' => $item->post_date_gmt,
				),
				true
			),
			'moving ' . $item->post_name . ' to local time'
		);
	}

	$front = broadsheet_seed_check(
		wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_title'   => 'Welcome to The Lantern',
				'post_name'    => 'welcome',
				'post_author'  => 1,
				'post_excerpt' => 'Slow reading on cities, food, craft, science and travel, four times a year.',
				'post_content' => broadsheet_seed_block_markup(
					array(
						array( 'text' => 'The Lantern Quarterly publishes long reads on cities, food, craft, science and travel.' ),
						array( 'text' => 'Start with the latest stories, or wander the sections.' ),
					)
				),
			),
			true
		),
		'front page'
	);
	$posts_page = broadsheet_seed_check(
		wp_insert_post(
			array(
				'post_type'   => 'page',
				'post_status' => 'publish',
				'post_title'  => 'The Latest',
				'post_name'   => 'latest',
				'post_author' => 1,
			),
			true
		),
		'posts page'
	);
	update_option( 'show_on_front', 'page' );
	update_option( 'page_on_front', $front );
	update_option( 'page_for_posts', $posts_page );

	$icon = broadsheet_seed_add_image( 'site-icon.jpg', 'Site icon', '', array( '#8a3b12', '#f4efe6', '#222222' ), 1717, 0, 512, 512 );
	update_option( 'site_icon', $icon );

	return array(
		'home'           => home_url(),
		'page_on_front'  => $front,
		'page_for_posts' => $posts_page,
		'site_icon'      => $icon,
	);
}
