<?php
/**
 * Seeds the embedded development WordPress with Broadsheet's demo content.
 *
 * Runs once, inside the embedded WordPress (PHP in WebAssembly), on a freshly unpacked site.
 * Everything goes through WordPress's own APIs so the data is exactly what a real site would
 * hold. Reads content.json and all-blocks.html beside this file. Prints one line starting with
 * BROADSHEET_SEED_RESULT followed by JSON (the preview credentials and counts) for the start
 * script to pick up.
 *
 * Constants (passed with --define by the start script):
 *   BROADSHEET_PERMALINK_STRUCTURE  e.g. /%postname%/ or /%year%/%monthnum%/%day%/%postname%/
 *   BROADSHEET_SEED_CONFIGURATION   "configured" for the second configuration (configured-site.php)
 */

// Playground mounts WordPress at /wordpress; native PHP names its root in ABSPATH.
require defined( 'ABSPATH' ) ? ABSPATH . 'wp-load.php' : '/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/media.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

const BROADSHEET_SEED_DIR = __DIR__;

/** Stops the seed with a message the start script shows to the developer. */
function broadsheet_seed_fail( $message ) {
	fwrite( STDERR, "Seeding failed: $message\n" );
	echo "BROADSHEET_SEED_ERROR $message\n";
	exit( 1 );
}

/** Turns a WP_Error into a failure, or passes the value through. */
function broadsheet_seed_check( $value, $what ) {
	if ( is_wp_error( $value ) ) {
		broadsheet_seed_fail( $what . ': ' . $value->get_error_message() );
	}
	return $value;
}

function broadsheet_seed_hex_to_rgb( $hex ) {
	$hex = ltrim( $hex, '#' );
	return array( hexdec( substr( $hex, 0, 2 ) ), hexdec( substr( $hex, 2, 2 ) ), hexdec( substr( $hex, 4, 2 ) ) );
}

/**
 * Paints an abstract illustration (a vertical gradient crossed by soft bands and discs) from a
 * palette, deterministic for a given seed number, and returns the path of a temporary JPEG.
 */
function broadsheet_seed_paint_image( array $palette, $seed, $width = 1600, $height = 900 ) {
	mt_srand( $seed );
	$image  = imagecreatetruecolor( $width, $height );
	$colors = array_map( 'broadsheet_seed_hex_to_rgb', $palette );
	while ( count( $colors ) < 3 ) {
		$colors[] = array( 240, 236, 228 );
	}
	list( $top, $bottom, $accent ) = $colors;
	for ( $y = 0; $y < $height; $y++ ) {
		$t = $y / ( $height - 1 );
		$c = imagecolorallocate(
			$image,
			(int) ( $top[0] + ( $bottom[0] - $top[0] ) * $t ),
			(int) ( $top[1] + ( $bottom[1] - $top[1] ) * $t ),
			(int) ( $top[2] + ( $bottom[2] - $top[2] ) * $t )
		);
		imageline( $image, 0, $y, $width, $y, $c );
	}
	imagealphablending( $image, true );
	for ( $i = 0; $i < 5; $i++ ) {
		$band = imagecolorallocatealpha( $image, $accent[0], $accent[1], $accent[2], mt_rand( 70, 105 ) );
		$y    = mt_rand( 0, $height );
		imagefilledpolygon(
			$image,
			array( 0, $y, $width, $y - mt_rand( 80, 260 ), $width, $y - mt_rand( 0, 60 ), 0, $y + mt_rand( 40, 120 ) ),
			$band
		);
	}
	for ( $i = 0; $i < 3; $i++ ) {
		$source = $colors[ $i % 3 ];
		$disc   = imagecolorallocatealpha( $image, 255 - ( $source[0] >> 2 ), 255 - ( $source[1] >> 2 ), 255 - ( $source[2] >> 2 ), mt_rand( 60, 95 ) );
		$size   = mt_rand( (int) ( $height * 0.2 ), (int) ( $height * 0.6 ) );
		imagefilledellipse( $image, mt_rand( 0, $width ), mt_rand( 0, $height ), $size, $size, $disc );
	}
	$path = wp_tempnam( 'broadsheet-seed.jpg' );
	imagejpeg( $image, $path, 82 );
	imagedestroy( $image );
	return $path;
}

/** Adds a painted image to the media library, attached to a post when one is given. */
function broadsheet_seed_add_image( $file_name, $title, $alt, array $palette, $seed, $parent_post_id = 0, $width = 1600, $height = 900 ) {
	$file = array(
		'name'     => $file_name,
		'tmp_name' => broadsheet_seed_paint_image( $palette, $seed, $width, $height ),
	);
	$id = broadsheet_seed_check( media_handle_sideload( $file, $parent_post_id, $title ), "image $file_name" );
	update_post_meta( $id, '_wp_attachment_image_alt', $alt );
	return $id;
}

/** Converts the content file's simple blocks into the block markup the editor saves. */
function broadsheet_seed_block_markup( array $blocks ) {
	$html = array();
	foreach ( $blocks as $block ) {
		switch ( $block['type'] ?? 'paragraph' ) {
			case 'heading':
				$level  = isset( $block['level'] ) ? (int) $block['level'] : 2;
				$attrs  = 2 === $level ? '' : ' ' . wp_json_encode( array( 'level' => $level ) );
				$html[] = "<!-- wp:heading$attrs -->\n<h$level class=\"wp-block-heading\">{$block['text']}</h$level>\n<!-- /wp:heading -->";
				break;
			case 'list':
				$ordered = ! empty( $block['ordered'] );
				$tag     = $ordered ? 'ol' : 'ul';
				$items   = array_map(
					function ( $item ) {
						return "<!-- wp:list-item -->\n<li>$item</li>\n<!-- /wp:list-item -->";
					},
					$block['items']
				);
				$attrs   = $ordered ? ' {"ordered":true}' : '';
				$html[]  = "<!-- wp:list$attrs -->\n<$tag>" . implode( "\n\n", $items ) . "</$tag>\n<!-- /wp:list -->";
				break;
			case 'quote':
				$cite   = empty( $block['cite'] ) ? '' : "<cite>{$block['cite']}</cite>";
				$html[] = "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n<p>{$block['text']}</p>\n<!-- /wp:paragraph -->$cite</blockquote>\n<!-- /wp:quote -->";
				break;
			case 'nextpage':
				// The Page Break block: the post continues on its next page (/post/2/).
				$html[] = "<!-- wp:nextpage -->\n<!--nextpage-->\n<!-- /wp:nextpage -->";
				break;
			default:
				$html[] = "<!-- wp:paragraph -->\n<p>{$block['text']}</p>\n<!-- /wp:paragraph -->";
		}
	}
	return implode( "\n\n", $html );
}

/** Removes what a fresh WordPress install ships with, so only our content remains. */
function broadsheet_seed_remove_defaults() {
	foreach ( get_posts( array( 'post_type' => array( 'post', 'page' ), 'post_status' => 'any', 'numberposts' => -1 ) ) as $post ) {
		wp_delete_post( $post->ID, true );
	}
	foreach ( get_comments() as $comment ) {
		wp_delete_comment( $comment->comment_ID, true );
	}
}

function broadsheet_seed_settings( array $site ) {
	update_option( 'blogname', $site['title'] );
	update_option( 'blogdescription', $site['description'] );
	update_option( 'timezone_string', 'UTC' );
	update_option( 'date_format', 'j F Y' );
	update_option( 'posts_per_page', 10 );
	update_option( 'thread_comments', 1 );
	update_option( 'thread_comments_depth', 5 );
	update_option( 'default_comment_status', 'open' );
	update_option( 'comment_moderation', 0 );
	// WordPress's default: a first-time commenter waits for moderation, a returning one does not.
	update_option( 'comment_previously_approved', 1 );
	update_option( 'show_avatars', 1 );
	$structure = defined( 'BROADSHEET_PERMALINK_STRUCTURE' ) ? BROADSHEET_PERMALINK_STRUCTURE : '/%postname%/';
	update_option( 'permalink_structure', $structure );
	// WordPress read the structure when it loaded; links made later in this request (to pages)
	// must follow the new one.
	$GLOBALS['wp_rewrite']->init();
	// Rules built in this same request would miss the category and tag entries; dropping the
	// option makes WordPress rebuild them completely on the next request.
	delete_option( 'rewrite_rules' );
	$default_category = get_term_by( 'slug', 'uncategorized', 'category' );
	if ( $default_category ) {
		wp_update_term( $default_category->term_id, 'category', array( 'name' => 'Miscellany', 'slug' => 'miscellany' ) );
	}
}

function broadsheet_seed_authors( array $authors ) {
	$ids = array();
	foreach ( $authors as $index => $author ) {
		$id = broadsheet_seed_check(
			wp_insert_user(
				array(
					'user_login'   => $author['login'],
					'user_pass'    => wp_generate_password( 24 ),
					'user_email'   => $author['email'],
					'display_name' => $author['display_name'],
					'nickname'     => $author['display_name'],
					'first_name'   => $author['first_name'],
					'last_name'    => $author['last_name'],
					'description'  => $author['bio'],
					'role'         => 0 === $index ? 'editor' : 'author',
				)
			),
			'author ' . $author['login']
		);
		update_user_meta( $id, 'twitter', str_replace( '-', '', $author['login'] ) );
		if ( ! empty( $author['yoast'] ) ) {
			// Read by the dev-only Yoast stand-in: this author's archive has Yoast output.
			update_user_meta( $id, '_broadsheet_dev_yoast', 1 );
		}
		$color  = $author['avatar_color'];
		$avatar = broadsheet_seed_add_image(
			'avatar-' . $author['login'] . '.jpg',
			$author['display_name'],
			'Portrait illustration for ' . $author['display_name'],
			array( $color, '#f4efe6', $color ),
			1000 + $index,
			0,
			512,
			512
		);
		update_user_meta( $id, 'broadsheet_avatar_id', $avatar );
		$ids[ $author['login'] ] = $id;
	}
	return $ids;
}

/** Creates terms parents-first, whatever order the file lists them in. */
function broadsheet_seed_terms( array $terms, $taxonomy ) {
	$ids     = array();
	$pending = $terms;
	while ( $pending ) {
		$progress = false;
		foreach ( $pending as $key => $term ) {
			$parent_slug = isset( $term['parent'] ) ? $term['parent'] : null;
			if ( $parent_slug && ! isset( $ids[ $parent_slug ] ) ) {
				continue;
			}
			$result              = broadsheet_seed_check(
				wp_insert_term(
					$term['name'],
					$taxonomy,
					array(
						'slug'        => $term['slug'],
						'description' => $term['description'],
						'parent'      => $parent_slug ? $ids[ $parent_slug ] : 0,
					)
				),
				"$taxonomy {$term['slug']}"
			);
			$ids[ $term['slug'] ] = $result['term_id'];
			if ( ! empty( $term['yoast'] ) ) {
				// Read by the dev-only Yoast stand-in: this archive has Yoast output.
				update_term_meta( $result['term_id'], '_broadsheet_dev_yoast', 1 );
			}
			unset( $pending[ $key ] );
			$progress = true;
		}
		if ( ! $progress ) {
			broadsheet_seed_fail( "$taxonomy parents missing for: " . implode( ', ', wp_list_pluck( $pending, 'slug' ) ) );
		}
	}
	return $ids;
}

function broadsheet_seed_pages( array $pages ) {
	$ids = array();
	foreach ( $pages as $order => $page ) {
		$parent              = isset( $page['parent'] ) && $page['parent'] ? $ids[ $page['parent'] ] : 0;
		$ids[ $page['slug'] ] = broadsheet_seed_check(
			wp_insert_post(
				array(
					'post_type'    => 'page',
					'post_status'  => 'publish',
					'post_title'   => $page['title'],
					'post_name'    => $page['slug'],
					'post_parent'  => $parent,
					'menu_order'   => $order,
					'post_author'  => 1,
					'post_content' => broadsheet_seed_block_markup( $page['body'] ),
				),
				true
			),
			'page ' . $page['slug']
		);
	}
	return $ids;
}

function broadsheet_seed_comments( $post_id, array $comments ) {
	$ids = array();
	foreach ( $comments as $comment ) {
		$parent                = isset( $comment['parent'] ) && $comment['parent'] ? $ids[ $comment['parent'] ] : 0;
		$ids[ $comment['id'] ] = wp_insert_comment(
			array(
				'comment_post_ID'      => $post_id,
				'comment_author'       => $comment['author'],
				'comment_author_email' => $comment['email'],
				'comment_content'      => $comment['content'],
				'comment_parent'       => $parent,
				'comment_approved'     => 'approved' === $comment['status'] ? 1 : 0,
				'comment_date'         => $comment['date'],
				'comment_date_gmt'     => $comment['date'],
			)
		);
	}
	return count( $ids );
}

/** Yoast SEO's own meta keys, read by the development Yoast stand-in mu-plugin. */
function broadsheet_seed_yoast_meta( $post_id, array $seo ) {
	update_post_meta( $post_id, '_yoast_wpseo_title', $seo['title'] );
	update_post_meta( $post_id, '_yoast_wpseo_metadesc', $seo['description'] );
	update_post_meta( $post_id, '_yoast_wpseo_focuskw', $seo['focus_keyword'] );
}

function broadsheet_seed_posts( array $posts, array $author_ids, array $category_ids, array $tag_ids ) {
	$ids = array();
	foreach ( $posts as $index => $post ) {
		$id = broadsheet_seed_check(
			wp_insert_post(
				array(
					'post_type'     => 'post',
					'post_status'   => $post['status'],
					'post_title'    => $post['title'],
					'post_name'     => $post['slug'],
					'post_excerpt'  => $post['excerpt'],
					'post_author'   => $author_ids[ $post['author'] ],
					'post_date'     => $post['date'],
					'post_date_gmt' => $post['date'],
					'post_password' => isset( $post['password'] ) ? (string) $post['password'] : '',
					'comment_status' => isset( $post['comment_status'] ) ? (string) $post['comment_status'] : 'open',
					'post_content'  => broadsheet_seed_block_markup( $post['body'] ),
					'post_category' => array_map(
						function ( $slug ) use ( $category_ids ) {
							return $category_ids[ $slug ];
						},
						$post['categories']
					),
				),
				true
			),
			'post ' . $post['slug']
		);
		wp_set_post_terms(
			$id,
			array_map(
				function ( $slug ) use ( $tag_ids ) {
					return $tag_ids[ $slug ];
				},
				$post['tags']
			),
			'post_tag'
		);
		if ( ! empty( $post['sticky'] ) ) {
			stick_post( $id );
		}
		if ( ! empty( $post['coauthors'] ) && taxonomy_exists( 'author' ) ) {
			broadsheet_seed_coauthors( $id, $post['coauthors'] );
		}
		if ( ! empty( $post['seo'] ) ) {
			broadsheet_seed_yoast_meta( $id, $post['seo'] );
		}
		if ( ! empty( $post['image'] ) ) {
			$image = broadsheet_seed_add_image( $post['slug'] . '.jpg', $post['title'], $post['image']['alt'], $post['image']['palette'], $index + 1, $id );
			set_post_thumbnail( $id, $image );
		}
		if ( ! empty( $post['comments'] ) ) {
			broadsheet_seed_comments( $id, $post['comments'] );
		}
		$ids[ $post['slug'] ] = $id;
	}
	return $ids;
}

/**
 * Several authors on one post, stored as Co-Authors Plus stores them: terms of its `author`
 * taxonomy named after each user, slug "cap-<user_nicename>" (the dev site's stand-in registers
 * the taxonomy when the real plugin is absent).
 */
function broadsheet_seed_coauthors( $post_id, array $logins ) {
	$term_ids = array();
	foreach ( $logins as $login ) {
		$user = get_user_by( 'login', $login );
		if ( ! $user ) {
			broadsheet_seed_fail( "co-author $login does not exist" );
		}
		$slug     = 'cap-' . $user->user_nicename;
		$existing = get_term_by( 'slug', $slug, 'author' );
		$term_ids[] = $existing
			? (int) $existing->term_id
			: (int) broadsheet_seed_check( wp_insert_term( $user->display_name, 'author', array( 'slug' => $slug ) ), "co-author $login" )['term_id'];
	}
	wp_set_object_terms( $post_id, $term_ids, 'author' );
}

/**
 * Content links to other posts are written as "/slug/"; once every post exists they become the
 * WordPress permalinks a real site would hold, whatever the permalink structure.
 */
function broadsheet_seed_resolve_internal_links( array $post_ids ) {
	foreach ( $post_ids as $id ) {
		$content  = get_post_field( 'post_content', $id );
		$resolved = broadsheet_seed_resolve_links_in( $content, $post_ids );
		if ( $resolved !== $content ) {
			wp_update_post( array( 'ID' => $id, 'post_content' => $resolved ) );
		}
	}
}

/** Turns the "/slug/" links to posts in a piece of HTML into their permalinks. */
function broadsheet_seed_resolve_links_in( $html, array $post_ids ) {
	return preg_replace_callback(
		'#href="/([a-z0-9-]+)/"#',
		function ( $match ) use ( $post_ids ) {
			return isset( $post_ids[ $match[1] ] ) ? 'href="' . esc_url( get_permalink( $post_ids[ $match[1] ] ) ) . '"' : $match[0];
		},
		$html
	);
}

/**
 * A link from the content file as WordPress would hold it: a site path ("/", "/contact/",
 * "/post-slug/") becomes the URL of that page or post; a full URL stays as it is.
 */
function broadsheet_seed_site_url( $path, array $post_ids ) {
	if ( '/' !== substr( $path, 0, 1 ) ) {
		return $path;
	}
	$slug = trim( $path, '/' );
	if ( isset( $post_ids[ $slug ] ) ) {
		return get_permalink( $post_ids[ $slug ] );
	}
	$page = '' === $slug ? null : get_page_by_path( $slug );
	return $page ? get_permalink( $page ) : home_url( $path );
}

/**
 * The dev site's events (post type and taxonomy from the events mu-plugin), with their custom
 * fields stored as Advanced Custom Fields stores them (read by the ACF stand-in): the value under
 * the field's name, and "_<name>" holding the field's key.
 */
function broadsheet_seed_events( array $events, array $author_ids, array $series_ids, array $post_ids ) {
	$field_keys = array(
		'venue'       => 'field_broadsheet_event_venue',
		'starts_at'   => 'field_broadsheet_event_starts_at',
		'ticket_link' => 'field_broadsheet_event_ticket_link',
		'poster'      => 'field_broadsheet_event_poster',
		'programme'   => 'field_broadsheet_event_programme',
	);
	$ids = array();
	foreach ( $events as $index => $event ) {
		$id = broadsheet_seed_check(
			wp_insert_post(
				array(
					'post_type'     => 'event',
					'post_status'   => $event['status'],
					'post_title'    => $event['title'],
					'post_name'     => $event['slug'],
					'post_excerpt'  => $event['excerpt'],
					'post_author'   => $author_ids[ $event['author'] ],
					'post_date'     => $event['date'],
					'post_date_gmt' => $event['date'],
					'post_password' => isset( $event['password'] ) ? (string) $event['password'] : '',
					'post_content'  => broadsheet_seed_block_markup( $event['body'] ),
				),
				true
			),
			'event ' . $event['slug']
		);
		wp_set_object_terms(
			$id,
			array_map(
				function ( $slug ) use ( $series_ids ) {
					return $series_ids[ $slug ];
				},
				$event['series']
			),
			'event_series'
		);
		if ( ! empty( $event['seo'] ) ) {
			broadsheet_seed_yoast_meta( $id, $event['seo'] );
		}
		$image = broadsheet_seed_add_image( $event['slug'] . '.jpg', $event['title'], $event['image']['alt'], $event['image']['palette'], 2000 + $index, $id );
		set_post_thumbnail( $id, $image );

		$fields           = $event['acf'];
		$fields['poster'] = broadsheet_seed_add_image( $event['slug'] . '-poster.jpg', 'Poster: ' . $event['title'], $event['poster']['alt'], $event['poster']['palette'], 3000 + $index, $id, 800, 1200 );
		if ( is_array( $fields['ticket_link'] ) ) {
			$fields['ticket_link']['url'] = broadsheet_seed_site_url( $fields['ticket_link']['url'], $post_ids );
		}
		$fields['programme'] = broadsheet_seed_resolve_links_in( $fields['programme'], $post_ids );
		foreach ( $field_keys as $name => $key ) {
			// A field never filled in (no ticket link for a free event) is never stored.
			if ( isset( $fields[ $name ] ) ) {
				update_post_meta( $id, $name, $fields[ $name ] );
				update_post_meta( $id, '_' . $name, $key );
			}
		}
		$ids[ $event['slug'] ] = $id;
	}
	return $ids;
}

/** Items of a simple post type (editorial notes, people): title, body, excerpt, author and date. */
function broadsheet_seed_plain_items( array $notes, $post_type, array $author_ids ) {
	foreach ( $notes as $note ) {
		broadsheet_seed_check(
			wp_insert_post(
				array(
					'post_type'     => $post_type,
					'post_status'   => $note['status'],
					'post_title'    => $note['title'],
					'post_name'     => $note['slug'],
					'post_author'   => $author_ids[ $note['author'] ],
					'post_date'     => $note['date'],
					'post_date_gmt' => $note['date'],
					'post_content'  => broadsheet_seed_block_markup( $note['body'] ),
					'post_excerpt'  => isset( $note['excerpt'] ) ? $note['excerpt'] : '',
				),
				true
			),
			$post_type . ' ' . $note['slug']
		);
	}
	return count( $notes );
}

/** The post that shows every common core block, with its images and footnotes. */
function broadsheet_seed_all_blocks_post( $author_id, $category_id ) {
	$markup  = file_get_contents( BROADSHEET_SEED_DIR . '/all-blocks.html' );
	$post_id = broadsheet_seed_check(
		wp_insert_post(
			array(
				'post_type'     => 'post',
				'post_status'   => 'publish',
				'post_title'    => 'A Field Guide to Every Block',
				'post_name'     => 'a-field-guide-to-every-block',
				'post_excerpt'  => 'Every common kind of block the editor offers, set once on one page.',
				'post_author'   => $author_id,
				'post_date'     => '2026-10-20 09:30:00',
				'post_date_gmt' => '2026-10-20 09:30:00',
				'post_category' => array( $category_id ),
				'post_content'  => '',
			),
			true
		),
		'all-blocks post'
	);
	$palettes = array(
		1 => array( array( '#1d3557', '#457b9d', '#f1faee' ), 'Deep blue bands fading into a pale sky over a calm sea' ),
		2 => array( array( '#6b2d5c', '#f0386b', '#ffd6e0' ), 'Plum and coral shapes like awnings over a market street' ),
		3 => array( array( '#2d6a4f', '#95d5b2', '#ffe66d' ), 'Green slopes beneath a low yellow sun' ),
		4 => array( array( '#3d405b', '#e07a5f', '#f2cc8f' ), 'Slate and terracotta stripes suggesting rooftops at dusk' ),
	);
	$replacements = array( '{{home}}' => esc_url( home_url( '/' ) ) );
	foreach ( $palettes as $n => $spec ) {
		$image_id = broadsheet_seed_add_image( "field-guide-$n.jpg", "Field guide plate $n", $spec[1], $spec[0], 500 + $n, $post_id );
		$large    = wp_get_attachment_image_src( $image_id, 'large' );
		$replacements[ "{{image:$n:id}}" ]    = (string) $image_id;
		$replacements[ "{{image:$n:large}}" ] = esc_url( $large[0] );
		$replacements[ "{{image:$n:alt}}" ]   = esc_attr( $spec[1] );
		if ( 1 === $n ) {
			set_post_thumbnail( $post_id, $image_id );
		}
	}
	wp_update_post( array( 'ID' => $post_id, 'post_content' => strtr( $markup, $replacements ) ) );
	update_post_meta(
		$post_id,
		'footnotes',
		wp_json_encode(
			array(
				array( 'id' => 'fn-lantern-a1', 'content' => 'Set in the magazine&#8217;s house style, which prefers short paragraphs.' ),
				array( 'id' => 'fn-lantern-b2', 'content' => 'Observed on three consecutive Tuesdays in October.' ),
			)
		)
	);
	return $post_id;
}

/**
 * Posts renamed or re-dated after publication, through wp_update_post() as an editor would, so
 * WordPress records their old slug (`_wp_old_slug`) or date (`_wp_old_date`).
 */
function broadsheet_seed_moves( array $posts, array $post_ids ) {
	foreach ( $posts as $post ) {
		$changes = array();
		if ( ! empty( $post['rename_to'] ) ) {
			$changes['post_name'] = $post['rename_to'];
		}
		if ( ! empty( $post['redate_to'] ) ) {
			$changes['post_date']     = $post['redate_to'];
			$changes['post_date_gmt'] = $post['redate_to'];
		}
		if ( $changes ) {
			broadsheet_seed_check( wp_update_post( array( 'ID' => $post_ids[ $post['slug'] ] ) + $changes, true ), 'moving ' . $post['slug'] );
		}
	}
}

/**
 * The theme's menus (primary with nested items, footer, social), built with WordPress's menu
 * API and assigned to the locations the dev site registers. Items name a page, a category, a
 * post or a URL (site paths become addresses on the Site Address).
 */
function broadsheet_seed_menus( array $menus, array $page_ids, array $category_ids, array $post_ids ) {
	$locations = array();
	foreach ( $menus as $location => $items ) {
		$menu_id                = broadsheet_seed_check( wp_create_nav_menu( ucfirst( $location ) . ' menu' ), "menu $location" );
		$locations[ $location ] = $menu_id;
		broadsheet_seed_menu_items( $menu_id, $items, 0, $page_ids, $category_ids, $post_ids );
	}
	set_theme_mod( 'nav_menu_locations', $locations );
	return count( $menus );
}

function broadsheet_seed_menu_items( $menu_id, array $items, $parent, array $page_ids, array $category_ids, array $post_ids ) {
	foreach ( $items as $item ) {
		$data = array(
			'menu-item-status'    => 'publish',
			'menu-item-parent-id' => $parent,
		);
		if ( isset( $item['page'] ) ) {
			$data += array( 'menu-item-type' => 'post_type', 'menu-item-object' => 'page', 'menu-item-object-id' => $page_ids[ $item['page'] ] );
		} elseif ( isset( $item['post'] ) ) {
			$data += array( 'menu-item-type' => 'post_type', 'menu-item-object' => 'post', 'menu-item-object-id' => $post_ids[ $item['post'] ] );
		} elseif ( isset( $item['category'] ) ) {
			$data += array( 'menu-item-type' => 'taxonomy', 'menu-item-object' => 'category', 'menu-item-object-id' => $category_ids[ $item['category'] ] );
		} else {
			$data += array( 'menu-item-type' => 'custom', 'menu-item-url' => broadsheet_seed_site_url( $item['url'], $post_ids ) );
		}
		if ( isset( $item['title'] ) ) {
			$data['menu-item-title'] = $item['title'];
		}
		$id = broadsheet_seed_check( wp_update_nav_menu_item( $menu_id, 0, $data ), 'menu item' );
		if ( ! empty( $item['children'] ) ) {
			broadsheet_seed_menu_items( $menu_id, $item['children'], $id, $page_ids, $category_ids, $post_ids );
		}
	}
}

$content = json_decode( file_get_contents( BROADSHEET_SEED_DIR . '/content.json' ), true );
if ( ! is_array( $content ) ) {
	broadsheet_seed_fail( 'content.json is not valid JSON' );
}

wp_set_current_user( 1 );
broadsheet_seed_remove_defaults();
// The companion plugin, mounted by the start script, is active like on an operator's site.
if ( file_exists( WP_PLUGIN_DIR . '/broadsheet/broadsheet.php' ) ) {
	require_once ABSPATH . 'wp-admin/includes/plugin.php';
	broadsheet_seed_check( activate_plugin( 'broadsheet/broadsheet.php' ), 'activating the companion plugin' );
}
broadsheet_seed_settings( $content['site'] );
wp_update_user( array( 'ID' => 1, 'display_name' => 'The Editors', 'user_url' => '', 'description' => 'The editorial desk of ' . $content['site']['title'] . '.' ) );
update_user_meta( 1, 'broadsheet_avatar_id', broadsheet_seed_add_image( 'avatar-editors.jpg', 'The Editors', 'Emblem of the editorial desk', array( '#222222', '#c9a227', '#f4efe6' ), 999, 0, 512, 512 ) );

$author_ids   = broadsheet_seed_authors( $content['authors'] );
$category_ids = broadsheet_seed_terms( $content['categories'], 'category' );
$tag_ids      = broadsheet_seed_terms( $content['tags'], 'post_tag' );
$page_ids     = broadsheet_seed_pages( $content['pages'] );
$post_ids     = broadsheet_seed_posts( $content['posts'], $author_ids, $category_ids, $tag_ids );
broadsheet_seed_resolve_internal_links( $post_ids );
$first_author = reset( $author_ids );
$post_ids['a-field-guide-to-every-block'] = broadsheet_seed_all_blocks_post( $first_author, reset( $category_ids ) );
broadsheet_seed_moves( $content['posts'], $post_ids );
$menus = broadsheet_seed_menus( $content['menus'], $page_ids, $category_ids, $post_ids );
// The custom kinds come from a dev mu-plugin; without it there is nothing to put them in.
if ( ! post_type_exists( 'event' ) || ! taxonomy_exists( 'event_series' ) || ! post_type_exists( 'internal_note' ) || ! post_type_exists( 'person' ) ) {
	broadsheet_seed_fail( 'the event types are not registered (wordpress/dev/mu-plugins/broadsheet-dev-events.php)' );
}
$series_ids     = broadsheet_seed_terms( $content['event_series'], 'event_series' );
$event_ids      = broadsheet_seed_events( $content['events'], $author_ids, $series_ids, $post_ids );
$internal_notes = broadsheet_seed_plain_items( $content['internal_notes'], 'internal_note', $author_ids );
$people         = broadsheet_seed_plain_items( $content['people'], 'person', $author_ids );

$configuration = null;
if ( defined( 'BROADSHEET_SEED_CONFIGURATION' ) && 'configured' === BROADSHEET_SEED_CONFIGURATION ) {
	require BROADSHEET_SEED_DIR . '/configured-site.php';
	$configuration = broadsheet_seed_configure_site();
}

list( $application_password ) = broadsheet_seed_check(
	WP_Application_Passwords::create_new_application_password( 1, array( 'name' => 'Broadsheet previews' ) ),
	'application password'
);

echo 'BROADSHEET_SEED_RESULT ' . wp_json_encode(
	array(
		'user'                 => get_userdata( 1 )->user_login,
		'application_password' => $application_password,
		'posts'                => count( $post_ids ),
		'pages'                => count( $page_ids ),
		'authors'              => count( $author_ids ),
		'categories'           => count( $category_ids ),
		'tags'                 => count( $tag_ids ),
		'comments'             => (int) wp_count_comments()->total_comments,
		'events'               => count( $event_ids ),
		'event_series'         => count( $series_ids ),
		'internal_notes'       => $internal_notes,
		'people'               => $people,
		'menus'                => $menus,
		'configuration'        => $configuration,
	)
) . "\n";
