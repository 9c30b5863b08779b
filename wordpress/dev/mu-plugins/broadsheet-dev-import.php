<?php
/**
 * Plugin Name: Broadsheet development import (dev only)
 * Description: Receives a WordPress export, in batches, from `npm run wp:import` and stores it through WordPress's own APIs. Never install this on a real site.
 *
 * ===========================================================================
 *  DEVELOPMENT-ONLY. It exists because the WordPress importer plugin cannot be
 *  downloaded into the offline embedded WordPress. Real sites use Tools → Import.
 * ===========================================================================
 *
 * The Node side (wordpress/dev/import/) parses and checks the whole WXR file first, then sends
 * it here kind by kind (users, terms, posts, relations, comments, menu items), parents before
 * children, with the new ids of everything already sent. This side only stores.
 *
 * Idempotency: everything it creates carries `_broadsheet_wxr_key` ("<source site>#<kind>-<id>")
 * and `_broadsheet_wxr_hash` (of what was sent) in its meta. A second run finds the key: the
 * same hash is "unchanged", another is an update, never a duplicate. Users and terms already on
 * the site under the same login or slug are reused as they are.
 *
 * Routes (POST, an administrator's Application Password, local environment only):
 *   /broadsheet-dev-import/v1/batch   { source, kind, items } → { results: [{ key, outcome, id, reason?, note? }] }
 *   /broadsheet-dev-import/v1/lookup  { keys } → { found: { key: { id, hash, placeholder } } } (posts)
 *   /broadsheet-dev-import/v1/empty   {} → { deleted, done } — removes content a chunk at a time
 */

defined( 'ABSPATH' ) || exit;

// Development only: anywhere but a local or development environment this file does nothing, and
// says so to the site's administrators.
if ( ! in_array( function_exists( 'wp_get_environment_type' ) ? wp_get_environment_type() : '', array( 'local', 'development' ), true ) ) {
	add_action( 'admin_notices', static fn() => current_user_can( 'activate_plugins' ) && printf( '<div class="notice notice-error"><p>%s</p></div>', esc_html( 'wp-content/mu-plugins/' . basename( __FILE__ ) . ' is part of Broadsheet’s development WordPress and does nothing here: it acts only where wp_get_environment_type() is "local" or "development". Remove it.' ) ) );
	return;
}

const BROADSHEET_DEV_IMPORT_KEY         = '_broadsheet_wxr_key';
const BROADSHEET_DEV_IMPORT_HASH        = '_broadsheet_wxr_hash';
const BROADSHEET_DEV_IMPORT_PLACEHOLDER = '_broadsheet_wxr_placeholder';

add_action(
	'rest_api_init',
	function () {
		$permission = function () {
			// Only ever on a development site (see the guard above), and only for someone who may import.
			return current_user_can( 'import' ) && current_user_can( 'unfiltered_html' );
		};
		register_rest_route(
			'broadsheet-dev-import/v1',
			'/batch',
			array(
				'methods'             => 'POST',
				'permission_callback' => $permission,
				'callback'            => 'broadsheet_dev_import_batch',
			)
		);
		register_rest_route(
			'broadsheet-dev-import/v1',
			'/lookup',
			array(
				'methods'             => 'POST',
				'permission_callback' => $permission,
				'callback'            => 'broadsheet_dev_import_lookup',
			)
		);
		register_rest_route(
			'broadsheet-dev-import/v1',
			'/empty',
			array(
				'methods'             => 'POST',
				'permission_callback' => $permission,
				'callback'            => 'broadsheet_dev_import_empty',
			)
		);
	}
);

/** One item's result, in the shape the Node side counts. */
function broadsheet_dev_import_result( $key, $outcome, $id = 0, $reason = '' ) {
	$result = array(
		'key'     => $key,
		'outcome' => $outcome,
		'id'      => (int) $id,
	);
	if ( '' !== $reason ) {
		$result['reason'] = $reason;
	}
	return $result;
}

/**
 * Finds what earlier imports created, by key, in one query per table.
 *
 * @param string   $meta_table 'postmeta', 'commentmeta', 'termmeta' or 'usermeta'.
 * @param string[] $keys       Import keys.
 * @return array<string, int> key → object id
 */
function broadsheet_dev_import_find( $meta_table, array $keys ) {
	global $wpdb;
	if ( ! $keys ) {
		return array();
	}
	$id_column = array(
		'postmeta'    => 'post_id',
		'commentmeta' => 'comment_id',
		'termmeta'    => 'term_id',
		'usermeta'    => 'user_id',
	)[ $meta_table ];
	$table     = $wpdb->$meta_table;
	$in        = implode( ',', array_fill( 0, count( $keys ), '%s' ) );
	// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table and column come from the fixed map above.
	$rows  = $wpdb->get_results( $wpdb->prepare( "SELECT $id_column AS id, meta_value AS k FROM $table WHERE meta_key = %s AND meta_value IN ($in)", array_merge( array( BROADSHEET_DEV_IMPORT_KEY ), $keys ) ) );
	$found = array();
	foreach ( $rows as $row ) {
		$found[ $row->k ] = (int) $row->id;
	}
	return $found;
}

/** Meta values in a WXR are as WordPress stored them: serialized when structured. Objects are never revived. */
function broadsheet_dev_import_meta_value( $value ) {
	if ( is_serialized( $value ) ) {
		// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.serialize_unserialize -- classes disallowed.
		$unserialized = @unserialize( trim( $value ), array( 'allowed_classes' => false ) );
		if ( false !== $unserialized || 'b:0;' === trim( $value ) ) {
			return $unserialized;
		}
	}
	return $value;
}

/**
 * Replaces an object's meta by what the export holds, key by key (a key may repeat).
 *
 * @param string $type 'post', 'comment' or 'term'.
 */
function broadsheet_dev_import_replace_meta( $type, $id, array $pairs ) {
	$by_key = array();
	foreach ( $pairs as $pair ) {
		$by_key[ (string) $pair[0] ][] = broadsheet_dev_import_meta_value( (string) $pair[1] );
	}
	foreach ( $by_key as $key => $values ) {
		if ( '' === $key ) {
			continue;
		}
		delete_metadata( $type, $id, $key );
		foreach ( $values as $value ) {
			add_metadata( $type, $id, $key, wp_slash( $value ) );
		}
	}
}

function broadsheet_dev_import_mark( $type, $id, $key, $hash ) {
	update_metadata( $type, $id, BROADSHEET_DEV_IMPORT_KEY, $key );
	update_metadata( $type, $id, BROADSHEET_DEV_IMPORT_HASH, $hash );
}

function broadsheet_dev_import_is_unchanged( $type, $id, $hash ) {
	return $id && get_metadata( $type, $id, BROADSHEET_DEV_IMPORT_HASH, true ) === $hash;
}

function broadsheet_dev_import_batch( WP_REST_Request $request ) {
	$kind  = (string) $request->get_param( 'kind' );
	$items = $request->get_param( 'items' );
	if ( ! is_array( $items ) ) {
		return new WP_Error( 'broadsheet_import_bad_batch', 'items must be an array', array( 'status' => 400 ) );
	}
	$handlers = array(
		'users'      => array( 'usermeta', 'broadsheet_dev_import_user' ),
		'terms'      => array( 'termmeta', 'broadsheet_dev_import_term' ),
		'posts'      => array( 'postmeta', 'broadsheet_dev_import_post' ),
		'relations'  => array( null, 'broadsheet_dev_import_relation' ),
		'comments'   => array( 'commentmeta', 'broadsheet_dev_import_comment' ),
		'menu-items' => array( 'postmeta', 'broadsheet_dev_import_menu_item' ),
	);
	if ( ! isset( $handlers[ $kind ] ) ) {
		return new WP_Error( 'broadsheet_import_bad_kind', "unknown kind $kind", array( 'status' => 400 ) );
	}
	list( $meta_table, $handler ) = $handlers[ $kind ];
	require_once ABSPATH . 'wp-admin/includes/image.php';
	require_once ABSPATH . 'wp-admin/includes/file.php';
	require_once ABSPATH . 'wp-admin/includes/media.php';
	require_once ABSPATH . 'wp-admin/includes/post.php';
	// Counting terms once at the end of the batch instead of after every post.
	wp_defer_term_counting( true );
	wp_defer_comment_counting( true );
	$existing = $meta_table ? broadsheet_dev_import_find( $meta_table, wp_list_pluck( $items, 'key' ) ) : array();
	$results  = array();
	foreach ( $items as $item ) {
		$key = isset( $item['key'] ) ? (string) $item['key'] : '';
		try {
			$results[] = call_user_func( $handler, $item, isset( $existing[ $key ] ) ? $existing[ $key ] : 0 );
		} catch ( Throwable $error ) {
			$results[] = broadsheet_dev_import_result( $key, 'failed', 0, $error->getMessage() );
		}
	}
	wp_defer_term_counting( false );
	wp_defer_comment_counting( false );
	return rest_ensure_response( array( 'results' => $results ) );
}

function broadsheet_dev_import_user( array $item, $existing_id ) {
	$key = $item['key'];
	if ( ! $existing_id ) {
		$same_login = get_user_by( 'login', $item['login'] );
		if ( $same_login ) {
			return broadsheet_dev_import_result( $key, 'reused', $same_login->ID, 'a user with this login is already on the site' );
		}
	}
	if ( broadsheet_dev_import_is_unchanged( 'user', $existing_id, $item['hash'] ) ) {
		return broadsheet_dev_import_result( $key, 'unchanged', $existing_id );
	}
	$data = array(
		'user_login'   => $item['login'],
		'user_email'   => $item['email'],
		'display_name' => $item['displayName'],
		'nickname'     => $item['displayName'],
		'first_name'   => $item['firstName'],
		'last_name'    => $item['lastName'],
	);
	$reason = '';
	if ( '' !== $data['user_email'] ) {
		$email_owner = get_user_by( 'email', $data['user_email'] );
		if ( $email_owner && $email_owner->ID !== $existing_id ) {
			// WordPress allows one account per address; the author still gets their own account.
			$data['user_email'] = '';
			$reason             = "email {$item['email']} belongs to another user; imported without it";
		}
	}
	if ( $existing_id ) {
		$data['ID'] = $existing_id;
		unset( $data['user_login'] );
		$id = wp_update_user( $data );
	} else {
		$data['user_pass'] = wp_generate_password( 24 );
		$data['role']      = 'author';
		$id                = wp_insert_user( $data );
	}
	if ( is_wp_error( $id ) ) {
		return broadsheet_dev_import_result( $key, 'failed', 0, $id->get_error_message() );
	}
	broadsheet_dev_import_mark( 'user', $id, $key, $item['hash'] );
	return broadsheet_dev_import_result( $key, $existing_id ? 'updated' : 'created', $id, $reason );
}

function broadsheet_dev_import_term( array $item, $existing_id ) {
	$key      = $item['key'];
	$taxonomy = $item['taxonomy'];
	if ( ! taxonomy_exists( $taxonomy ) ) {
		return broadsheet_dev_import_result( $key, 'skipped', 0, "taxonomy \"$taxonomy\" is not registered on this site" );
	}
	if ( ! $existing_id ) {
		$same_slug = get_term_by( 'slug', $item['slug'], $taxonomy );
		if ( $same_slug ) {
			return broadsheet_dev_import_result( $key, 'reused', $same_slug->term_id, 'a term with this slug is already on the site' );
		}
	}
	if ( broadsheet_dev_import_is_unchanged( 'term', $existing_id, $item['hash'] ) ) {
		return broadsheet_dev_import_result( $key, 'unchanged', $existing_id );
	}
	$args = wp_slash(
		array(
			'slug'        => $item['slug'],
			'description' => $item['description'],
			'parent'      => is_taxonomy_hierarchical( $taxonomy ) ? (int) $item['parentId'] : 0,
		)
	);
	if ( $existing_id ) {
		$result = wp_update_term( $existing_id, $taxonomy, $args + array( 'name' => wp_slash( $item['name'] ) ) );
	} else {
		$result = wp_insert_term( wp_slash( $item['name'] ), $taxonomy, $args );
		if ( is_wp_error( $result ) && 'term_exists' === $result->get_error_code() ) {
			// Same name under the same parent with another slug: WordPress treats it as the same term.
			return broadsheet_dev_import_result( $key, 'reused', (int) $result->get_error_data(), 'a term with this name is already on the site' );
		}
	}
	if ( is_wp_error( $result ) ) {
		return broadsheet_dev_import_result( $key, 'failed', 0, $result->get_error_message() );
	}
	$id = (int) $result['term_id'];
	broadsheet_dev_import_replace_meta( 'term', $id, $item['meta'] );
	broadsheet_dev_import_mark( 'term', $id, $key, $item['hash'] );
	return broadsheet_dev_import_result( $key, $existing_id ? 'updated' : 'created', $id );
}

/**
 * A grey card naming the file that could not be fetched, so a missing image is obvious on the
 * page rather than a broken icon. Returns PNG bytes.
 */
function broadsheet_dev_import_placeholder_png( $file_name ) {
	$small = imagecreatetruecolor( 400, 225 );
	imagefill( $small, 0, 0, imagecolorallocate( $small, 226, 224, 219 ) );
	$ink = imagecolorallocate( $small, 90, 88, 84 );
	imagerectangle( $small, 6, 6, 393, 218, $ink );
	$lines = array( 'Image not imported', 'source unreachable:', substr( $file_name, 0, 40 ) );
	foreach ( $lines as $index => $line ) {
		$font = 0 === $index ? 5 : 3;
		$x    = (int) ( ( 400 - imagefontwidth( $font ) * strlen( $line ) ) / 2 );
		imagestring( $small, $font, max( 8, $x ), 80 + $index * 24, $line, $ink );
	}
	// Drawn small and scaled up: GD's built-in fonts are tiny at full size.
	$image = imagecreatetruecolor( 800, 450 );
	imagecopyresized( $image, $small, 0, 0, 0, 0, 800, 450, 400, 225 );
	ob_start();
	imagepng( $image );
	imagedestroy( $small );
	imagedestroy( $image );
	return ob_get_clean();
}

/**
 * Stores an attachment's file: the downloaded bytes when the Node side could fetch them,
 * otherwise a placeholder image (for images) or no file at all (the record keeps the original URL).
 *
 * @return array{ file: string, placeholder: bool, reason: string }
 */
function broadsheet_dev_import_attachment_file( array $item ) {
	$attachment = $item['attachment'];
	$name       = sanitize_file_name( $attachment['fileName'] );
	$month      = preg_match( '/^(\d{4})-(\d{2})/', $item['date'], $match ) ? "{$match[1]}/{$match[2]}" : null;
	if ( isset( $attachment['dataBase64'] ) ) {
		$upload = wp_upload_bits( $name, null, base64_decode( $attachment['dataBase64'] ), $month );
		if ( empty( $upload['error'] ) ) {
			return array( 'file' => $upload['file'], 'placeholder' => false, 'reason' => '' );
		}
		$reason = "downloaded, but WordPress refused the file ({$upload['error']})";
	} else {
		$reason = isset( $attachment['unreachable'] ) ? (string) $attachment['unreachable'] : 'not downloaded';
	}
	$is_image = 0 === strpos( (string) $item['mimeType'], 'image/' ) || preg_match( '/\.(jpe?g|png|gif|webp|avif|bmp)$/i', $name );
	if ( $is_image && function_exists( 'imagepng' ) ) {
		$base   = preg_replace( '/\.[^.]+$/', '', $name );
		$upload = wp_upload_bits( "$base-placeholder.png", null, broadsheet_dev_import_placeholder_png( $name ), $month );
		if ( empty( $upload['error'] ) ) {
			return array( 'file' => $upload['file'], 'placeholder' => true, 'reason' => $reason );
		}
	}
	return array( 'file' => '', 'placeholder' => true, 'reason' => $reason );
}

function broadsheet_dev_import_post( array $item, $existing_id ) {
	$key  = $item['key'];
	$type = $item['type'];
	if ( ! post_type_exists( $type ) ) {
		return broadsheet_dev_import_result( $key, 'skipped', 0, "post type \"$type\" is not registered on this site" );
	}
	$retry_file = 'attachment' === $type && isset( $item['attachment']['dataBase64'] ) && get_post_meta( $existing_id, BROADSHEET_DEV_IMPORT_PLACEHOLDER, true );
	if ( broadsheet_dev_import_is_unchanged( 'post', $existing_id, $item['hash'] ) && ! $retry_file ) {
		return broadsheet_dev_import_with_media( broadsheet_dev_import_result( $key, 'unchanged', $existing_id ), $type );
	}
	$postarr = array(
		'post_type'      => $type,
		'post_status'    => $item['status'],
		'post_title'     => $item['title'],
		'post_name'      => $item['slug'],
		'post_content'   => $item['content'],
		'post_excerpt'   => $item['excerpt'],
		'post_date'      => $item['date'],
		'post_date_gmt'  => $item['dateGmt'],
		'comment_status' => $item['commentStatus'],
		'ping_status'    => $item['pingStatus'],
		'menu_order'     => (int) $item['menuOrder'],
		'post_parent'    => (int) $item['parentId'],
		'post_password'  => $item['password'],
		'post_author'    => $item['authorId'] ? (int) $item['authorId'] : get_current_user_id(),
		'post_mime_type' => $item['mimeType'],
		// Keeps a draft's date on update; WordPress otherwise resets it.
		'edit_date'      => true,
	);
	// Left out when empty, so WordPress fills in its defaults (a draft's date, the site's comment setting).
	foreach ( array( 'post_date', 'post_date_gmt', 'comment_status', 'ping_status', 'post_mime_type', 'post_status' ) as $field ) {
		if ( '' === $postarr[ $field ] ) {
			unset( $postarr[ $field ] );
		}
	}
	if ( $existing_id ) {
		$postarr['ID'] = $existing_id;
	} else {
		// The original id when it is free, so links like ?p=123 and gallery ids keep working.
		$postarr['import_id'] = (int) $item['originalId'];
	}

	$reason = '';
	if ( 'attachment' === $type ) {
		$stored      = broadsheet_dev_import_attachment_file( $item );
		$reason      = $stored['placeholder'] ? 'placeholder: ' . $stored['reason'] : '';
		$postarr['guid'] = $item['attachment']['url'];
		if ( $stored['file'] && ! $stored['placeholder'] ) {
			$postarr['post_mime_type'] = wp_check_filetype( $stored['file'] )['type'] ?: $item['mimeType'];
		} elseif ( $stored['file'] ) {
			$postarr['post_mime_type'] = 'image/png';
		}
		if ( $existing_id && $stored['file'] ) {
			// The file it had (a placeholder, or an older download) is replaced, not left behind.
			wp_delete_attachment_files( $existing_id, wp_get_attachment_metadata( $existing_id ), array(), get_attached_file( $existing_id ) );
		}
		$id = wp_insert_attachment( wp_slash( $postarr ), $stored['file'] ? $stored['file'] : false, (int) $item['parentId'], true );
		if ( ! is_wp_error( $id ) ) {
			if ( $stored['file'] ) {
				wp_update_attachment_metadata( $id, wp_generate_attachment_metadata( $id, $stored['file'] ) );
			}
			if ( $stored['placeholder'] ) {
				update_post_meta( $id, BROADSHEET_DEV_IMPORT_PLACEHOLDER, wp_slash( $item['attachment']['url'] ) );
			} else {
				delete_post_meta( $id, BROADSHEET_DEV_IMPORT_PLACEHOLDER );
			}
		}
	} else {
		$id = $existing_id ? wp_update_post( wp_slash( $postarr ), true ) : wp_insert_post( wp_slash( $postarr ), true );
	}
	if ( is_wp_error( $id ) ) {
		return broadsheet_dev_import_result( $key, 'failed', 0, $id->get_error_message() );
	}

	foreach ( $item['terms'] as $taxonomy => $term_ids ) {
		if ( taxonomy_exists( $taxonomy ) ) {
			wp_set_object_terms( $id, array_map( 'intval', $term_ids ), $taxonomy );
		}
	}
	broadsheet_dev_import_replace_meta( 'post', $id, $item['meta'] );
	if ( 'post' === $type ) {
		if ( $item['sticky'] ) {
			stick_post( $id );
		} else {
			unstick_post( $id );
		}
	}
	broadsheet_dev_import_mark( 'post', $id, $key, $item['hash'] );

	$slug = get_post_field( 'post_name', $id );
	if ( '' === $reason && '' !== $item['slug'] && $slug !== $item['slug'] && 'attachment' !== $type ) {
		$reason = "slug \"{$item['slug']}\" was taken; WordPress gave \"$slug\"";
	}
	return broadsheet_dev_import_with_media( broadsheet_dev_import_result( $key, $existing_id ? 'updated' : 'created', $id, $reason ), $type );
}

/** An attachment's result also tells where its file now is, for links in content, and whether it is a stand-in. */
function broadsheet_dev_import_with_media( array $result, $type ) {
	if ( 'attachment' === $type ) {
		$result['url']         = wp_get_attachment_url( $result['id'] );
		$result['placeholder'] = '' !== (string) get_post_meta( $result['id'], BROADSHEET_DEV_IMPORT_PLACEHOLDER, true );
	}
	return $result;
}

/** Parents and featured images, set once everything they point at exists. */
function broadsheet_dev_import_relation( array $item ) {
	$id   = (int) $item['id'];
	$post = get_post( $id );
	if ( ! $post ) {
		return broadsheet_dev_import_result( $item['key'], 'failed', 0, "post $id is gone" );
	}
	$outcome = 'unchanged';
	if ( isset( $item['parentId'] ) && (int) $post->post_parent !== (int) $item['parentId'] ) {
		$outcome = $post->post_parent ? 'updated' : 'created';
		wp_update_post(
			array(
				'ID'          => $id,
				'post_parent' => (int) $item['parentId'],
			)
		);
	}
	if ( isset( $item['thumbnailId'] ) && (int) get_post_thumbnail_id( $id ) !== (int) $item['thumbnailId'] ) {
		$outcome = get_post_thumbnail_id( $id ) ? 'updated' : 'created';
		set_post_thumbnail( $id, (int) $item['thumbnailId'] );
	}
	return broadsheet_dev_import_result( $item['key'], $outcome, $id );
}

function broadsheet_dev_import_comment( array $item, $existing_id ) {
	$key = $item['key'];
	if ( broadsheet_dev_import_is_unchanged( 'comment', $existing_id, $item['hash'] ) ) {
		return broadsheet_dev_import_result( $key, 'unchanged', $existing_id );
	}
	$data = array(
		'comment_post_ID'      => (int) $item['postId'],
		'comment_author'       => $item['author'],
		'comment_author_email' => $item['email'],
		'comment_author_url'   => $item['url'],
		'comment_author_IP'    => $item['ip'],
		'comment_date'         => $item['date'],
		'comment_date_gmt'     => $item['dateGmt'],
		'comment_content'      => $item['content'],
		'comment_approved'     => $item['approved'],
		'comment_type'         => '' === $item['type'] ? 'comment' : $item['type'],
		'comment_parent'       => (int) $item['parentId'],
		'user_id'              => (int) $item['userId'],
	);
	if ( $existing_id ) {
		$data['comment_ID'] = $existing_id;
		$updated            = wp_update_comment( wp_slash( $data ), true );
		if ( is_wp_error( $updated ) ) {
			return broadsheet_dev_import_result( $key, 'failed', 0, $updated->get_error_message() );
		}
		$id = $existing_id;
	} else {
		$id = wp_insert_comment( wp_slash( $data ) );
		if ( ! $id ) {
			return broadsheet_dev_import_result( $key, 'failed', 0, 'WordPress did not store the comment' );
		}
	}
	broadsheet_dev_import_replace_meta( 'comment', $id, $item['meta'] );
	broadsheet_dev_import_mark( 'comment', $id, $key, $item['hash'] );
	return broadsheet_dev_import_result( $key, $existing_id ? 'updated' : 'created', $id );
}

function broadsheet_dev_import_menu_item( array $item, $existing_id ) {
	$key = $item['key'];
	if ( broadsheet_dev_import_is_unchanged( 'post', $existing_id, $item['hash'] ) ) {
		return broadsheet_dev_import_result( $key, 'unchanged', $existing_id );
	}
	// Exports keep the classes as the serialized array WordPress stores; the API takes a string.
	$classes = broadsheet_dev_import_meta_value( (string) $item['classes'] );
	$classes = is_array( $classes ) ? implode( ' ', array_filter( array_map( 'strval', $classes ) ) ) : (string) $classes;
	$id      = wp_update_nav_menu_item(
		(int) $item['menuId'],
		$existing_id,
		wp_slash(
			array(
				'menu-item-object-id'   => (int) $item['objectId'],
				'menu-item-object'      => $item['object'],
				'menu-item-parent-id'   => (int) $item['parentId'],
				'menu-item-position'    => (int) $item['position'],
				'menu-item-type'        => $item['type'],
				'menu-item-title'       => $item['title'],
				'menu-item-url'         => $item['url'],
				'menu-item-description' => $item['description'],
				'menu-item-attr-title'  => $item['attrTitle'],
				'menu-item-target'      => $item['target'],
				'menu-item-classes'     => $classes,
				'menu-item-xfn'         => $item['xfn'],
				'menu-item-status'      => 'publish',
			)
		)
	);
	if ( is_wp_error( $id ) ) {
		return broadsheet_dev_import_result( $key, 'failed', 0, $id->get_error_message() );
	}
	broadsheet_dev_import_mark( 'post', $id, $key, $item['hash'] );
	return broadsheet_dev_import_result( $key, $existing_id ? 'updated' : 'created', $id );
}

function broadsheet_dev_import_lookup( WP_REST_Request $request ) {
	$keys  = array_map( 'strval', (array) $request->get_param( 'keys' ) );
	$found = array();
	foreach ( broadsheet_dev_import_find( 'postmeta', $keys ) as $key => $id ) {
		$found[ $key ] = array(
			'id'          => $id,
			'hash'        => (string) get_post_meta( $id, BROADSHEET_DEV_IMPORT_HASH, true ),
			'placeholder' => '' !== (string) get_post_meta( $id, BROADSHEET_DEV_IMPORT_PLACEHOLDER, true ),
		);
	}
	return rest_ensure_response( array( 'found' => (object) $found ) );
}

/**
 * Empties the site of content so an import starts from nothing: posts of every content type
 * (their comments and files go with them), terms, and every user but the one importing. The
 * theme's templates and styles, the settings, and the default category stay. Works a chunk at a
 * time so no request runs long; the caller repeats until `done`.
 */
function broadsheet_dev_import_empty() {
	require_once ABSPATH . 'wp-admin/includes/user.php';
	$budget  = 40;
	$deleted = 0;

	$kept_types = array( 'wp_template', 'wp_template_part', 'wp_global_styles', 'wp_font_family', 'wp_font_face', 'customize_changeset', 'user_request', 'custom_css', 'oembed_cache' );
	$post_ids   = get_posts(
		array(
			'post_type'        => array_values( array_diff( get_post_types(), $kept_types ) ),
			'post_status'      => array_keys( get_post_stati() ),
			'numberposts'      => $budget,
			'fields'           => 'ids',
			'suppress_filters' => true,
		)
	);
	foreach ( $post_ids as $id ) {
		$gone = 'attachment' === get_post_type( $id ) ? wp_delete_attachment( $id, true ) : wp_delete_post( $id, true );
		if ( $gone ) {
			++$deleted;
		}
	}

	if ( $deleted < $budget ) {
		$default_category = (int) get_option( 'default_category' );
		// These tie the theme's own templates together; they are not content.
		$kept_taxonomies = array( 'wp_theme', 'wp_template_part_area', 'wp_pattern_category' );
		foreach ( array_diff( get_taxonomies(), $kept_taxonomies ) as $taxonomy ) {
			$term_ids = get_terms(
				array(
					'taxonomy'   => $taxonomy,
					'hide_empty' => false,
					'fields'     => 'ids',
					'number'     => $budget - $deleted,
					'exclude'    => 'category' === $taxonomy ? array( $default_category ) : array(),
				)
			);
			foreach ( is_array( $term_ids ) ? $term_ids : array() as $term_id ) {
				if ( true === wp_delete_term( $term_id, $taxonomy ) ) {
					++$deleted;
				}
			}
			if ( $deleted >= $budget ) {
				break;
			}
		}
	}

	if ( $deleted < $budget ) {
		$user_ids = get_users(
			array(
				'exclude' => array( get_current_user_id() ),
				'fields'  => 'ID',
				'number'  => $budget - $deleted,
			)
		);
		foreach ( $user_ids as $user_id ) {
			if ( wp_delete_user( (int) $user_id ) ) {
				++$deleted;
			}
		}
	}

	if ( 0 === $deleted ) {
		update_option( 'sticky_posts', array() );
	}
	return rest_ensure_response(
		array(
			'deleted' => $deleted,
			'done'    => 0 === $deleted,
		)
	);
}
