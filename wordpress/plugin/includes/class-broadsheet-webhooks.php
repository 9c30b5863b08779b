<?php
/**
 * Signed webhooks to the frontend's /api/revalidate.
 *
 * @package Broadsheet
 */

defined( 'ABSPATH' ) || exit;

/**
 * Collects content changes during a request and reports each changed thing once, at shutdown.
 *
 * One save in WordPress fires several hooks (pre_post_update, transition_post_status,
 * wp_after_insert_post, ...), and a REST save may touch terms and options too. Reporting from
 * each hook would send duplicates and objects in half-saved states, so hooks only record *what*
 * changed (and what it looked like before); the objects are built from the final state when
 * the request ends.
 */
final class Broadsheet_Webhooks {

	/** Path of the frontend's webhook route. */
	// With the trailing slash: the frontend keeps WordPress's URL style, and a POST must not be redirected.
	const ENDPOINT = '/api/revalidate/';

	/** Seconds to wait for the frontend per event. */
	const TIMEOUT = 3;

	/**
	 * When two changes to one object meet in a request, the stronger action is reported:
	 * a deletion says more than a status change, which says more than an edit.
	 */
	const ACTION_RANK = array(
		'updated'        => 1,
		'created'        => 2,
		'status_changed' => 3,
		'deleted'        => 4,
	);

	/** Site settings whose changes alter what the frontend renders (titles, URLs, lists, dates). */
	const WATCHED_OPTIONS = array(
		'blogname',
		'blogdescription',
		// The Site Address and WordPress Address: the frontend reads every link against them.
		'home',
		'siteurl',
		'permalink_structure',
		'posts_per_page',
		'timezone_string',
		'date_format',
		'sticky_posts',
		'site_icon',
		// Discussion settings shape every post's comment section.
		'thread_comments',
		'thread_comments_depth',
		'page_comments',
		'comments_per_page',
		'comment_order',
	);

	/** Bounds the work of tracking child pages and terms whose paths move with their parent. */
	const MAX_WATCHED_DESCENDANTS = 200;

	/**
	 * The per-request queue, the plugin's only mutable state.
	 *
	 * - events:      "type:id" => what to report (type, action, id, or a prebuilt object).
	 * - before:      "type:id" => the first-seen slug/status/path, for the previous_* fields.
	 * - doomed:      "type:id" => the object captured just before a deletion, when it still exists.
	 * - descendants: "type:id" => ID of a published child page or child term whose path may move
	 *                with its parent's.
	 *
	 * @var array<string, array>
	 */
	private static $queue = array(
		'events'      => array(),
		'before'      => array(),
		'doomed'      => array(),
		'descendants' => array(),
	);

	/** Not instantiable: a namespace for static methods. */
	private function __construct() {}

	/** Hooks into content changes. Called only when the plugin is configured. */
	public static function register() {
		// Posts and pages.
		add_action( 'pre_post_update', array( __CLASS__, 'remember_post' ), 10, 1 );
		// Trashing renames the post to "slug__trashed" before pre_post_update fires; this runs
		// earlier, while child pages' paths still contain the original slug.
		add_action( 'wp_trash_post', array( __CLASS__, 'remember_post' ), 10, 1 );
		add_action( 'transition_post_status', array( __CLASS__, 'on_post_status_transition' ), 10, 3 );
		add_action( 'wp_after_insert_post', array( __CLASS__, 'on_post_saved' ), 10, 4 );
		add_action( 'before_delete_post', array( __CLASS__, 'remember_deleted_post' ), 10, 1 );
		add_action( 'deleted_post', array( __CLASS__, 'on_post_deleted' ), 10, 1 );
		// Stickiness is an option, not a field of the post: a change to it before the post's own
		// update would otherwise be missing from the post's "before".
		add_action( 'update_option_sticky_posts', array( __CLASS__, 'remember_stickiness' ), 10, 2 );
		add_action( 'add_option_sticky_posts', array( __CLASS__, 'remember_first_stickiness' ), 10, 2 );

		// Approved comments are part of a post's page, so they refresh the post.
		add_action( 'wp_insert_comment', array( __CLASS__, 'on_comment_inserted' ), 10, 2 );
		add_action( 'transition_comment_status', array( __CLASS__, 'on_comment_status' ), 10, 3 );
		add_action( 'edit_comment', array( __CLASS__, 'on_comment_edited' ), 10, 1 );

		// Terms.
		add_action( 'created_term', array( __CLASS__, 'on_term_created' ), 10, 3 );
		add_action( 'edit_terms', array( __CLASS__, 'remember_term' ), 10, 2 );
		add_action( 'edited_term', array( __CLASS__, 'on_term_edited' ), 10, 3 );
		add_action( 'pre_delete_term', array( __CLASS__, 'remember_deleted_term' ), 10, 2 );
		add_action( 'delete_term', array( __CLASS__, 'on_term_deleted' ), 10, 3 );

		// Users (author archives).
		add_action( 'user_register', array( __CLASS__, 'on_user_registered' ), 10, 1 );
		add_action( 'profile_update', array( __CLASS__, 'on_profile_updated' ), 10, 2 );
		add_action( 'delete_user', array( __CLASS__, 'remember_deleted_user' ), 10, 1 );
		add_action( 'wpmu_delete_user', array( __CLASS__, 'remember_deleted_user' ), 10, 1 );
		add_action( 'deleted_user', array( __CLASS__, 'on_user_deleted' ), 10, 1 );

		// Menus. Item saves are included because the REST menu-items route changes items
		// without firing wp_update_nav_menu; the queue folds them into one menu event.
		add_action( 'wp_create_nav_menu', array( __CLASS__, 'on_menu_created' ), 10, 1 );
		add_action( 'wp_update_nav_menu', array( __CLASS__, 'on_menu_updated' ), 10, 1 );
		add_action( 'wp_update_nav_menu_item', array( __CLASS__, 'on_menu_updated' ), 10, 1 );
		add_action( 'wp_delete_nav_menu', array( __CLASS__, 'on_menu_deleted' ), 10, 1 );
		// A block theme's navigation menu is a wp_navigation post, not a menu term.
		add_action( 'save_post_wp_navigation', array( __CLASS__, 'on_menu_updated' ), 10, 1 );
		// Assigning a menu to a theme location changes what the site shows too.
		add_action( 'update_option_theme_mods_' . get_option( 'stylesheet' ), array( __CLASS__, 'on_theme_mods_updated' ), 10, 2 );

		// The Redirection plugin's rules, which the frontend honours.
		add_action( 'redirection_redirect_updated', array( __CLASS__, 'on_redirect_changed' ), 10, 1 );
		add_action( 'redirection_redirect_deleted', array( __CLASS__, 'on_redirect_changed' ), 10, 1 );

		// Settings. update_option_{name} fires only when the value really changed.
		foreach ( self::watched_options() as $option ) {
			add_action( "update_option_{$option}", array( __CLASS__, 'on_option_updated' ), 10, 3 );
			add_action( "add_option_{$option}", array( __CLASS__, 'on_option_added' ), 10, 1 );
		}

		// Late, so the response has been flushed (priority 1) and other shutdown work is done.
		add_action( 'shutdown', array( __CLASS__, 'flush' ), 1000 );
	}

	/*
	 * ---------------------------------------------------------------------------------------
	 * Posts
	 * ---------------------------------------------------------------------------------------
	 */

	/**
	 * Whether changes to a post type concern the frontend: those with pages of their own
	 * (viewable) that the frontend can read (shown in the REST API), custom ones included.
	 *
	 * Attachments are viewable too but are left out: an upload changes no page by itself, and
	 * the post that shows the image is reported when it is saved.
	 *
	 * @param string $post_type Post type name.
	 * @return bool
	 */
	public static function is_tracked_post_type( $post_type ) {
		$object  = get_post_type_object( $post_type );
		$tracked = $object
			&& is_post_type_viewable( $object )
			&& $object->show_in_rest
			&& 'attachment' !== $post_type;
		/**
		 * Filters whether Broadsheet reports changes to (and previews) a post type.
		 *
		 * @param bool   $tracked   Default: viewable post types shown in the REST API, except attachments.
		 * @param string $post_type Post type name.
		 */
		return (bool) apply_filters( 'broadsheet_track_post_type', $tracked, $post_type );
	}

	/**
	 * Records how a post looked before an update (slug, status, path, and where it is listed) for
	 * the previous_* fields and lists_unchanged. pre_post_update runs before the row changes, and
	 * before WordPress sets the post's terms and (in the editors and the REST API) its stickiness,
	 * so get_post() still returns the old version; only the first update of a request is recorded,
	 * so previous_* describe the state before the request.
	 *
	 * @param int $post_id Post ID.
	 */
	public static function remember_post( $post_id ) {
		$post = get_post( $post_id );
		if ( ! self::is_tracked_post( $post ) ) {
			return;
		}
		$key = self::post_key( $post );
		if ( ! isset( self::$queue['before'][ $key ] ) ) {
			self::$queue['before'][ $key ] = self::post_snapshot( $post );
		}
		// A page's path contains its ancestors' slugs: renaming, trashing or restoring it moves
		// its published children, whatever its own status.
		if ( 'auto-draft' !== $post->post_status && is_post_type_hierarchical( $post->post_type ) ) {
			self::watch_descendants( $post );
		}
	}

	/**
	 * Records the stickiness posts had before the request when the sticky_posts option changes
	 * before their own update: remember_post() then keeps this snapshot, which is the post as it
	 * was with its old stickiness. WordPress's editors and REST API stick or unstick a post after
	 * saving it, when its snapshot already exists and is left as it is; this covers code that does
	 * it the other way round. A post whose stickiness changes without an update sends no post
	 * event: the option's own settings event refreshes the front page.
	 *
	 * @param mixed $old_value Sticky post IDs before.
	 * @param mixed $value     Sticky post IDs now.
	 */
	public static function remember_stickiness( $old_value, $value ) {
		$before  = is_array( $old_value ) ? array_map( 'intval', $old_value ) : array();
		$after   = is_array( $value ) ? array_map( 'intval', $value ) : array();
		$changed = array_unique( array_merge( array_diff( $before, $after ), array_diff( $after, $before ) ) );
		foreach ( array_slice( $changed, 0, self::MAX_WATCHED_DESCENDANTS ) as $post_id ) {
			$post = get_post( $post_id );
			if ( ! self::is_tracked_post( $post ) ) {
				continue;
			}
			$key = self::post_key( $post );
			if ( ! isset( self::$queue['before'][ $key ] ) ) {
				$snapshot                      = self::post_snapshot( $post );
				$snapshot['sticky']            = in_array( (int) $post->ID, $before, true );
				self::$queue['before'][ $key ] = $snapshot;
			}
		}
	}

	/**
	 * The sticky_posts option stored for the first time: no post was sticky before.
	 *
	 * @param string $option Option name.
	 * @param mixed  $value  Sticky post IDs now.
	 */
	public static function remember_first_stickiness( $option, $value ) {
		self::remember_stickiness( array(), $value );
	}

	/**
	 * Reports a post entering or leaving "publish" (publish→draft/private/pending/trash,
	 * draft/future/pending→publish). Transitions between non-public states change nothing the
	 * frontend shows and are ignored.
	 *
	 * @param string  $new_status New status.
	 * @param string  $old_status Old status.
	 * @param WP_Post $post       The post.
	 */
	public static function on_post_status_transition( $new_status, $old_status, $post ) {
		if ( $new_status === $old_status || ! self::is_tracked_post( $post ) ) {
			return;
		}
		// A brand-new post is reported as "created" by on_post_saved().
		if ( in_array( $old_status, array( 'new', 'auto-draft' ), true ) ) {
			return;
		}
		if ( 'publish' !== $new_status && 'publish' !== $old_status ) {
			return;
		}
		$key = self::post_key( $post );
		if ( ! isset( self::$queue['before'][ $key ] ) ) {
			// wp_publish_post() (a scheduled post going live) updates the row directly, without
			// pre_post_update; only the status differs from the current post.
			$snapshot                      = self::post_snapshot( $post );
			$snapshot['status']            = $old_status;
			self::$queue['before'][ $key ] = $snapshot;
		}
		self::enqueue( $key, self::post_event_type( $post ), 'status_changed', array( 'id' => (int) $post->ID ) );
	}

	/**
	 * Reports a saved post once WordPress is done with it (terms and meta included; the REST
	 * API fires this hook only after setting them).
	 *
	 * Drafts that were not published before this save are skipped: nothing public changed.
	 * A post that was published before it (and now is anything, including trash) is reported.
	 *
	 * @param int          $post_id     Post ID.
	 * @param WP_Post      $post        The saved post.
	 * @param bool         $update      Whether this was an update of an existing post.
	 * @param WP_Post|null $post_before The post before the update, null for new posts.
	 */
	public static function on_post_saved( $post_id, $post, $update, $post_before ) {
		if ( ! self::is_tracked_post( $post ) || 'auto-draft' === $post->post_status ) {
			return;
		}
		$key = self::post_key( $post );
		if ( isset( self::$queue['before'][ $key ] ) ) {
			$old_status = self::$queue['before'][ $key ]['status'];
		} elseif ( $post_before instanceof WP_Post ) {
			$old_status = $post_before->post_status;
		} else {
			$old_status = 'new';
		}
		if ( 'publish' !== $post->post_status && 'publish' !== $old_status ) {
			return;
		}
		// The block editor creates an auto-draft when "Add New" opens; publishing it is, for the
		// frontend, the creation of the post.
		$created = ! $update || in_array( $old_status, array( 'new', 'auto-draft' ), true );
		self::enqueue( $key, self::post_event_type( $post ), $created ? 'created' : 'updated', array( 'id' => (int) $post->ID ) );
	}

	/**
	 * Captures a post about to be deleted: after deleted_post it, its terms and its meta are
	 * gone. Only posts that were public (published, or trashed while published) are reported;
	 * deleting a never-published draft changes nothing on the frontend.
	 *
	 * @param int $post_id Post ID.
	 */
	public static function remember_deleted_post( $post_id ) {
		$post = get_post( $post_id );
		if ( ! $post instanceof WP_Post ) {
			return;
		}
		if ( 'nav_menu_item' === $post->post_type ) {
			// Deleting a menu item (e.g. DELETE /wp/v2/menu-items/ID) changes its menus.
			$menu_ids = wp_get_object_terms( $post->ID, 'nav_menu', array( 'fields' => 'ids' ) );
			foreach ( is_array( $menu_ids ) ? $menu_ids : array() as $menu_id ) {
				self::on_menu_updated( $menu_id );
			}
			return;
		}
		if ( ! self::is_tracked_post( $post ) ) {
			return;
		}
		$was_public = 'publish' === $post->post_status
			|| ( 'trash' === $post->post_status && 'publish' === get_post_meta( $post->ID, '_wp_trash_meta_status', true ) );
		if ( ! $was_public ) {
			return;
		}
		self::$queue['doomed'][ self::post_key( $post ) ] = self::post_object( $post );
		if ( is_post_type_hierarchical( $post->post_type ) ) {
			// WordPress moves the children up to the deleted page's parent: their paths change.
			self::watch_descendants( $post );
		}
	}

	/**
	 * Reports a deletion captured by remember_deleted_post().
	 *
	 * @param int $post_id Post ID.
	 */
	public static function on_post_deleted( $post_id ) {
		foreach ( array( 'post', 'page' ) as $type ) {
			$key = $type . ':' . (int) $post_id;
			if ( isset( self::$queue['doomed'][ $key ] ) ) {
				self::enqueue( $key, $type, 'deleted', array( 'object' => self::$queue['doomed'][ $key ] ) );
				unset( self::$queue['doomed'][ $key ] );
			}
		}
	}

	/*
	 * ---------------------------------------------------------------------------------------
	 * Comments (reported as an update of their post, whose page shows them)
	 * ---------------------------------------------------------------------------------------
	 */

	/**
	 * A new comment that is visible at once. wp_insert_comment covers both the classic form
	 * (wp_new_comment) and the REST API, which bypasses wp_new_comment.
	 *
	 * @param int        $comment_id Comment ID.
	 * @param WP_Comment $comment    The comment.
	 */
	public static function on_comment_inserted( $comment_id, $comment ) {
		if ( $comment instanceof WP_Comment && '1' === (string) $comment->comment_approved ) {
			self::comment_changed( $comment );
		}
	}

	/**
	 * A comment was approved, or an approved one was unapproved, spammed, trashed or deleted.
	 *
	 * @param string     $new_status New status.
	 * @param string     $old_status Old status.
	 * @param WP_Comment $comment    The comment.
	 */
	public static function on_comment_status( $new_status, $old_status, $comment ) {
		if ( 'approved' === $new_status || 'approved' === $old_status ) {
			self::comment_changed( $comment );
		}
	}

	/**
	 * An edited comment changes the page only if it is shown.
	 *
	 * @param int $comment_id Comment ID.
	 */
	public static function on_comment_edited( $comment_id ) {
		$comment = get_comment( $comment_id );
		if ( $comment instanceof WP_Comment && '1' === (string) $comment->comment_approved ) {
			self::comment_changed( $comment );
		}
	}

	/*
	 * ---------------------------------------------------------------------------------------
	 * Terms
	 * ---------------------------------------------------------------------------------------
	 */

	/**
	 * Whether changes to a taxonomy concern the frontend (those with public archives).
	 *
	 * @param string $taxonomy Taxonomy name.
	 * @return bool
	 */
	public static function is_tracked_taxonomy( $taxonomy ) {
		$tracked = taxonomy_exists( $taxonomy ) && is_taxonomy_viewable( $taxonomy );
		/**
		 * Filters whether Broadsheet reports changes to a taxonomy's terms.
		 *
		 * @param bool   $tracked  Default: taxonomies with public archives.
		 * @param string $taxonomy Taxonomy name.
		 */
		return (bool) apply_filters( 'broadsheet_track_taxonomy', $tracked, $taxonomy );
	}

	/**
	 * New term.
	 *
	 * @param int    $term_id  Term ID.
	 * @param int    $tt_id    Term taxonomy ID.
	 * @param string $taxonomy Taxonomy.
	 */
	public static function on_term_created( $term_id, $tt_id, $taxonomy ) {
		if ( self::is_tracked_taxonomy( $taxonomy ) ) {
			self::enqueue( 'term:' . (int) $term_id, 'term', 'created', array( 'id' => (int) $term_id ) );
		}
	}

	/**
	 * Records a term's slug and path before an edit, for previous_slug / previous_path.
	 *
	 * @param int    $term_id  Term ID.
	 * @param string $taxonomy Taxonomy.
	 */
	public static function remember_term( $term_id, $taxonomy ) {
		$key = 'term:' . (int) $term_id;
		if ( isset( self::$queue['before'][ $key ] ) || ! self::is_tracked_taxonomy( $taxonomy ) ) {
			return;
		}
		$term = get_term( (int) $term_id, $taxonomy );
		if ( $term instanceof WP_Term ) {
			self::$queue['before'][ $key ] = array(
				'slug' => $term->slug,
				'path' => self::term_path( $term ),
			);
			// A child category's path contains its parent's slug.
			self::watch_term_descendants( $term );
		}
	}

	/**
	 * Edited term.
	 *
	 * @param int    $term_id  Term ID.
	 * @param int    $tt_id    Term taxonomy ID.
	 * @param string $taxonomy Taxonomy.
	 */
	public static function on_term_edited( $term_id, $tt_id, $taxonomy ) {
		if ( self::is_tracked_taxonomy( $taxonomy ) ) {
			self::enqueue( 'term:' . (int) $term_id, 'term', 'updated', array( 'id' => (int) $term_id ) );
		}
	}

	/**
	 * Captures a term about to be deleted; its link cannot be computed afterwards.
	 *
	 * @param int    $term_id  Term ID.
	 * @param string $taxonomy Taxonomy.
	 */
	public static function remember_deleted_term( $term_id, $taxonomy ) {
		if ( ! self::is_tracked_taxonomy( $taxonomy ) ) {
			return;
		}
		$term = get_term( (int) $term_id, $taxonomy );
		if ( $term instanceof WP_Term ) {
			self::$queue['doomed'][ 'term:' . (int) $term_id ] = self::term_object( $term );
			// WordPress moves the children up to the deleted term's parent: their paths change.
			self::watch_term_descendants( $term );
		}
	}

	/**
	 * Reports a deleted term.
	 *
	 * @param int    $term_id  Term ID.
	 * @param int    $tt_id    Term taxonomy ID.
	 * @param string $taxonomy Taxonomy.
	 */
	public static function on_term_deleted( $term_id, $tt_id, $taxonomy ) {
		$key = 'term:' . (int) $term_id;
		if ( ! isset( self::$queue['doomed'][ $key ] ) ) {
			return;
		}
		self::enqueue( $key, 'term', 'deleted', array( 'object' => self::$queue['doomed'][ $key ] ) );
		unset( self::$queue['doomed'][ $key ] );
	}

	/*
	 * ---------------------------------------------------------------------------------------
	 * Users
	 * ---------------------------------------------------------------------------------------
	 */

	/**
	 * New user (a possible author).
	 *
	 * @param int $user_id User ID.
	 */
	public static function on_user_registered( $user_id ) {
		self::enqueue( 'user:' . (int) $user_id, 'user', 'created', array( 'id' => (int) $user_id ) );
	}

	/**
	 * Updated user; the old data gives previous_slug / previous_path when the nicename changed.
	 *
	 * @param int     $user_id       User ID.
	 * @param WP_User $old_user_data The user before the update.
	 */
	public static function on_profile_updated( $user_id, $old_user_data ) {
		$key = 'user:' . (int) $user_id;
		if ( ! isset( self::$queue['before'][ $key ] ) && $old_user_data instanceof WP_User ) {
			self::$queue['before'][ $key ] = array(
				'slug' => $old_user_data->user_nicename,
				'path' => self::author_path( $old_user_data->ID, $old_user_data->user_nicename ),
			);
		}
		self::enqueue( $key, 'user', 'updated', array( 'id' => (int) $user_id ) );
	}

	/**
	 * Captures a user about to be deleted.
	 *
	 * @param int $user_id User ID.
	 */
	public static function remember_deleted_user( $user_id ) {
		$user = get_userdata( (int) $user_id );
		if ( $user instanceof WP_User ) {
			self::$queue['doomed'][ 'user:' . (int) $user_id ] = self::user_object( $user );
		}
	}

	/**
	 * Reports a deleted user.
	 *
	 * @param int $user_id User ID.
	 */
	public static function on_user_deleted( $user_id ) {
		$key    = 'user:' . (int) $user_id;
		$object = isset( self::$queue['doomed'][ $key ] ) ? self::$queue['doomed'][ $key ] : array( 'id' => (int) $user_id );
		unset( self::$queue['doomed'][ $key ] );
		self::enqueue( $key, 'user', 'deleted', array( 'object' => $object ) );
	}

	/*
	 * ---------------------------------------------------------------------------------------
	 * Menus and settings
	 * ---------------------------------------------------------------------------------------
	 */

	/**
	 * New menu.
	 *
	 * @param int $menu_id Menu (nav_menu term) ID.
	 */
	public static function on_menu_created( $menu_id ) {
		self::enqueue_menu( $menu_id, 'created' );
	}

	/**
	 * Menu or one of its items saved.
	 *
	 * @param int $menu_id Menu (nav_menu term) ID; 0 for an item outside any menu.
	 */
	public static function on_menu_updated( $menu_id ) {
		self::enqueue_menu( $menu_id, 'updated' );
	}

	/**
	 * A Redirection rule created, changed or deleted. The plugin passes the rule or its id.
	 *
	 * @param mixed $redirect Red_Item or rule id.
	 */
	public static function on_redirect_changed( $redirect ) {
		$id = is_object( $redirect ) && method_exists( $redirect, 'get_id' ) ? (int) $redirect->get_id() : (int) $redirect;
		if ( $id > 0 ) {
			self::enqueue( 'redirect:' . $id, 'redirect', 'updated', array( 'id' => $id ) );
		}
	}

	/**
	 * Theme settings saved: each location whose menu changed reports its new (or old) menu.
	 *
	 * @param mixed $old_value The theme mods before.
	 * @param mixed $value     The theme mods now.
	 */
	public static function on_theme_mods_updated( $old_value, $value ) {
		$before = is_array( $old_value ) && isset( $old_value['nav_menu_locations'] ) ? (array) $old_value['nav_menu_locations'] : array();
		$after  = is_array( $value ) && isset( $value['nav_menu_locations'] ) ? (array) $value['nav_menu_locations'] : array();
		foreach ( array_unique( array_merge( array_keys( $before ), array_keys( $after ) ) ) as $location ) {
			$old = isset( $before[ $location ] ) ? (int) $before[ $location ] : 0;
			$new = isset( $after[ $location ] ) ? (int) $after[ $location ] : 0;
			if ( $old !== $new ) {
				self::enqueue_menu( $new ? $new : $old, 'updated' );
			}
		}
	}

	/**
	 * Deleted menu.
	 *
	 * @param int $menu_id Menu (nav_menu term) ID.
	 */
	public static function on_menu_deleted( $menu_id ) {
		self::enqueue_menu( $menu_id, 'deleted' );
	}

	/**
	 * A watched option changed.
	 *
	 * @param mixed  $old_value Old value.
	 * @param mixed  $value     New value.
	 * @param string $option    Option name.
	 */
	public static function on_option_updated( $old_value, $value, $option ) {
		self::enqueue( 'settings:' . $option, 'settings', 'updated', array( 'id' => (string) $option ) );
	}

	/**
	 * A watched option was stored for the first time (update_option() on a missing option
	 * adds it instead of updating it).
	 *
	 * @param string $option Option name.
	 */
	public static function on_option_added( $option ) {
		self::enqueue( 'settings:' . $option, 'settings', 'updated', array( 'id' => (string) $option ) );
	}

	/*
	 * ---------------------------------------------------------------------------------------
	 * Sending
	 * ---------------------------------------------------------------------------------------
	 */

	/**
	 * Builds the queued events from the final state of things and sends them.
	 *
	 * Runs at shutdown. Where PHP-FPM offers fastcgi_finish_request(), the response is handed to
	 * the editor first, so waiting for the frontend costs them nothing; elsewhere each request
	 * waits at most TIMEOUT seconds per event. Sending blocks (rather than fire-and-forget) so
	 * that failures can be logged.
	 */
	public static function flush() {
		self::queue_moved_descendants();

		$events = array();
		foreach ( self::$queue['events'] as $key => $entry ) {
			$event = self::build_event( $key, $entry );
			if ( null !== $event ) {
				$events[] = $event;
			}
		}
		// Start over, so nothing is sent twice should shutdown run this again.
		self::$queue = array(
			'events'      => array(),
			'before'      => array(),
			'doomed'      => array(),
			'descendants' => array(),
		);

		if ( ! $events ) {
			return;
		}

		/**
		 * Filters the events about to be sent at the end of this request.
		 *
		 * Return the array with events changed, removed or added. Each event is
		 * { id, type, action, object } and is sent as its own signed request.
		 *
		 * @param array[] $events Events in the order their first change happened.
		 */
		$events = apply_filters( 'broadsheet_webhook_events', $events );
		if ( ! is_array( $events ) || ! $events ) {
			return;
		}

		if ( function_exists( 'fastcgi_finish_request' ) ) {
			fastcgi_finish_request();
		}
		// The client may already be gone (or may go); finish notifying the frontend regardless.
		ignore_user_abort( true );

		$url       = Broadsheet_Plugin::frontend_url() . self::ENDPOINT;
		$reachable = true;
		foreach ( $events as $event ) {
			if ( ! is_array( $event ) ) {
				continue;
			}
			if ( ! $reachable ) {
				// One connection failure means the frontend is down or unreachable; waiting out
				// the timeout for every remaining event would only stall this request further.
				self::log_failure( $event, $url, 'not sent: the frontend did not answer an earlier webhook in this request' );
				continue;
			}
			$reachable = self::send( $url, $event );
		}
	}

	/**
	 * POSTs one event, signed. Logs a WP_Error or non-2xx answer.
	 *
	 * @param string $url   Webhook URL.
	 * @param array  $event The event.
	 * @return bool False when the frontend could not be reached at all.
	 */
	private static function send( $url, array $event ) {
		// These exact bytes are signed and sent; the frontend must verify the raw body.
		$body = wp_json_encode( $event, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
		if ( false === $body ) {
			self::log_failure( $event, $url, 'not sent: the event could not be encoded as JSON' );
			return true;
		}
		$timestamp = (string) time();
		$signature = hash_hmac( 'sha256', 'webhook:' . $timestamp . '.' . $body, Broadsheet_Plugin::secret() );

		// wp_remote_post() rather than wp_safe_remote_post(): the operator chose this URL, and a
		// frontend on the same private network (or 127.0.0.1 in development) is legitimate.
		$response = wp_remote_post(
			$url,
			array(
				'timeout'     => self::TIMEOUT,
				'blocking'    => true,
				// A redirect would turn the POST into a GET without the body; report it instead.
				'redirection' => 0,
				'user-agent'  => 'Broadsheet/' . Broadsheet_Plugin::VERSION . '; ' . home_url( '/' ),
				'headers'     => array(
					'Content-Type'           => 'application/json',
					'X-Broadsheet-Timestamp' => $timestamp,
					'X-Broadsheet-Signature' => 'sha256=' . $signature,
				),
				'body'        => $body,
				'data_format' => 'body',
			)
		);

		if ( is_wp_error( $response ) ) {
			self::log_failure( $event, $url, $response->get_error_message() );
			return false;
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		if ( $status < 200 || $status > 299 ) {
			$excerpt = substr( trim( (string) wp_remote_retrieve_body( $response ) ), 0, 200 );
			self::log_failure( $event, $url, 'HTTP ' . $status . ( '' === $excerpt ? '' : ' ' . $excerpt ) );
		}
		return true;
	}

	/**
	 * One line in the PHP error log (wp-content/debug.log with WP_DEBUG_LOG), e.g.
	 * [broadsheet] webhook post.updated (object 12, event 0b9e…) to https://…/api/revalidate failed: HTTP 401 …
	 *
	 * @param array  $event   The event.
	 * @param string $url     Webhook URL.
	 * @param string $problem What went wrong.
	 */
	private static function log_failure( array $event, $url, $problem ) {
		$object = isset( $event['object'] ) && is_array( $event['object'] ) ? $event['object'] : array();
		if ( isset( $object['id'] ) ) {
			$subject = 'object ' . $object['id'];
		} elseif ( isset( $object['option'] ) ) {
			$subject = 'option ' . $object['option'];
		} else {
			$subject = 'object ?';
		}
		$line = sprintf(
			'[broadsheet] webhook %s.%s (%s, event %s) to %s failed: %s',
			isset( $event['type'] ) ? $event['type'] : '?',
			isset( $event['action'] ) ? $event['action'] : '?',
			$subject,
			isset( $event['id'] ) ? $event['id'] : '?',
			$url,
			$problem
		);
		// One line per failure, whatever the error text contains.
		error_log( preg_replace( '/[\r\n]+/', ' ', $line ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- reporting failures to the log is the point.
	}

	/*
	 * ---------------------------------------------------------------------------------------
	 * Queue and object building
	 * ---------------------------------------------------------------------------------------
	 */

	/**
	 * Adds or merges an event. The first change of an object fixes its place in the queue
	 * and its previous_* values (kept in "before"); a later change only upgrades the action
	 * (see ACTION_RANK), so one object yields one event per request.
	 *
	 * @param string $key    "type:id".
	 * @param string $type   post, page, term, user, menu, redirect or settings.
	 * @param string $action created, updated, status_changed or deleted.
	 * @param array  $data   id, or object for deletions.
	 */
	private static function enqueue( $key, $type, $action, array $data ) {
		$events = &self::$queue['events'];
		if ( isset( $events[ $key ] ) && self::ACTION_RANK[ $events[ $key ]['action'] ] >= self::ACTION_RANK[ $action ] ) {
			return;
		}
		$events[ $key ] = array(
			'type'   => $type,
			'action' => $action,
		) + $data;
	}

	/**
	 * Turns a queue entry into the event to send, or null when there is nothing left to report
	 * (e.g. the object disappeared without a deletion being captured).
	 *
	 * @param string $key   "type:id".
	 * @param array  $entry Queue entry.
	 * @return array|null
	 */
	private static function build_event( $key, array $entry ) {
		$before = isset( self::$queue['before'][ $key ] ) ? self::$queue['before'][ $key ] : null;
		$object = null;

		if ( isset( $entry['object'] ) ) {
			$object = $entry['object'];
		} else {
			switch ( $entry['type'] ) {
				case 'post':
				case 'page':
					$post = get_post( $entry['id'] );
					if ( self::is_tracked_post( $post ) ) {
						// A created post has no "before": previous_* would be meaningless.
						$object = self::post_object( $post, 'created' === $entry['action'] ? null : $before );
					}
					break;
				case 'term':
					$term = get_term( $entry['id'] );
					if ( $term instanceof WP_Term ) {
						$object = self::term_object( $term, $before );
					}
					break;
				case 'user':
					$user = get_userdata( $entry['id'] );
					if ( $user instanceof WP_User ) {
						$object = self::user_object( $user, $before );
					}
					break;
				case 'menu':
				case 'redirect':
					$object = array( 'id' => (int) $entry['id'] );
					break;
				case 'settings':
					$object = array( 'option' => (string) $entry['id'] );
					break;
			}
		}

		if ( null === $object ) {
			return null;
		}
		return array(
			'id'     => wp_generate_uuid4(),
			'type'   => $entry['type'],
			'action' => $entry['action'],
			'object' => $object,
		);
	}

	/**
	 * The object of a post or page event.
	 *
	 * @param WP_Post    $post   The post.
	 * @param array|null $before Snapshot from before the request's first change.
	 * @return array
	 */
	private static function post_object( WP_Post $post, $before = null ) {
		$slug = self::public_slug( $post );
		$path = self::post_path( $post );
		// Without a slug the post never had a URL of its own, so there is no previous URL to purge.
		$had_url = is_array( $before ) && '' !== $before['slug'];

		$object = array(
			'id'        => (int) $post->ID,
			'post_type' => $post->post_type,
			'slug'      => $slug,
		);
		if ( $had_url && $before['slug'] !== $slug ) {
			$object['previous_slug'] = $before['slug'];
		}
		$object['status'] = $post->post_status;
		if ( is_array( $before ) && $before['status'] !== $post->post_status ) {
			$object['previous_status'] = $before['status'];
		}
		self::add_paths( $object, $path, $had_url ? $before['path'] : null );
		// The terms it has now and those it had before the request's first change: a post that
		// leaves a category leaves that category's list too.
		$terms = self::post_terms( $post );
		// Only with a "before" to compare with (not for a created or deleted post).
		$lists_unchanged = is_array( $before ) ? self::lists_unchanged( $post, $terms, $before ) : null;
		if ( is_array( $before ) && isset( $before['terms'] ) ) {
			foreach ( $before['terms'] as $taxonomy => $ids ) {
				$current            = isset( $terms[ $taxonomy ] ) ? $terms[ $taxonomy ] : array();
				$terms[ $taxonomy ] = array_values( array_unique( array_merge( $current, $ids ) ) );
			}
		}
		$object['author']     = (int) $post->post_author;
		$object['categories'] = isset( $terms['category'] ) ? $terms['category'] : array();
		$object['tags']       = isset( $terms['post_tag'] ) ? $terms['post_tag'] : array();
		// Always a JSON object, also for a post type without taxonomies.
		$object['terms']    = (object) $terms;
		$object['date_gmt'] = self::iso_date_gmt( $post );
		// Whether the front page's sticky list shows it (stickiness changing is the sticky_posts option's event).
		if ( 'post' === $post->post_type ) {
			$object['sticky'] = self::is_sticky_post( $post );
		}
		// Whether it is listed where it was, so that its lists need not change (see lists_unchanged()).
		if ( null !== $lists_unchanged ) {
			$object['lists_unchanged'] = $lists_unchanged;
		}
		return $object;
	}

	/**
	 * What previous_* and lists_unchanged compare against.
	 *
	 * @param WP_Post $post The post.
	 * @return array{slug: string, status: string, path: string|null, terms: array<string, int[]>, type: string, date_gmt: string, author: int, sticky: bool}
	 */
	private static function post_snapshot( WP_Post $post ) {
		return array(
			'slug'     => self::public_slug( $post ),
			'status'   => $post->post_status,
			'path'     => self::post_path( $post ),
			'terms'    => self::post_terms( $post ),
			'type'     => $post->post_type,
			'date_gmt' => self::iso_date_gmt( $post ),
			'author'   => (int) $post->post_author,
			'sticky'   => self::is_sticky_post( $post ),
		);
	}

	/**
	 * Whether the post is listed where it was before the request's first change: the same type,
	 * status, date, author and stickiness, and the same terms in every taxonomy (as sets). The
	 * frontend's lists are made of these (a type's archive, a term's, an author's, a date archive,
	 * the front page and its sticky posts), newest first, so such an edit adds the post to none,
	 * takes it from none and moves it in none; it only changes how the post looks where it is
	 * shown, which the frontend reaches through the post itself. Its title or text may still
	 * change what a search finds.
	 *
	 * @param WP_Post $post   The post.
	 * @param array   $terms  Its terms now, from post_terms().
	 * @param array   $before Snapshot from before the request's first change.
	 * @return bool
	 */
	private static function lists_unchanged( WP_Post $post, array $terms, array $before ) {
		if ( ! isset( $before['type'], $before['status'], $before['date_gmt'], $before['author'], $before['sticky'], $before['terms'] ) ) {
			return false;
		}
		$same = $before['type'] === $post->post_type
			&& $before['status'] === $post->post_status
			&& $before['date_gmt'] === self::iso_date_gmt( $post )
			&& $before['author'] === (int) $post->post_author
			&& $before['sticky'] === self::is_sticky_post( $post );
		if ( ! $same ) {
			return false;
		}
		foreach ( array_unique( array_merge( array_keys( $terms ), array_keys( $before['terms'] ) ) ) as $taxonomy ) {
			$was = isset( $before['terms'][ $taxonomy ] ) ? array_values( array_unique( $before['terms'][ $taxonomy ] ) ) : array();
			$is  = isset( $terms[ $taxonomy ] ) ? array_values( array_unique( $terms[ $taxonomy ] ) ) : array();
			sort( $was );
			sort( $is );
			if ( $was !== $is ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the front page's sticky list shows the post: only posts of type "post" can be sticky.
	 *
	 * @param WP_Post $post The post.
	 * @return bool
	 */
	private static function is_sticky_post( WP_Post $post ) {
		return 'post' === $post->post_type && is_sticky( $post->ID );
	}

	/**
	 * The slug without WordPress's trash marker. Trashing renames "hello" to "hello__trashed"
	 * (so a new post can take the slug) and keeps the original in _wp_desired_post_slug; the
	 * frontend knows the post by its original slug.
	 *
	 * @param WP_Post $post The post.
	 * @return string
	 */
	private static function public_slug( WP_Post $post ) {
		$slug = (string) $post->post_name;
		if ( '__trashed' !== substr( $slug, -9 ) ) {
			return $slug;
		}
		$desired = get_post_meta( $post->ID, '_wp_desired_post_slug', true );
		return is_string( $desired ) && '' !== $desired ? $desired : substr( $slug, 0, -9 );
	}

	/**
	 * The path the post has when published (or would have / had, for drafts, private and
	 * trashed posts). get_permalink() returns "?p=ID" for unpublished posts and the
	 * "__trashed" slug for trashed ones, so it is asked about a published copy with the
	 * public slug instead; the copy is never saved.
	 *
	 * @param WP_Post $post The post.
	 * @return string|null
	 */
	private static function post_path( WP_Post $post ) {
		$copy              = clone $post;
		$copy->post_status = 'publish';
		$copy->post_name   = self::public_slug( $post );
		if ( '' === $copy->post_name ) {
			$copy->post_name = sanitize_title( $post->post_title, (string) $post->ID );
		}
		// get_post() reloads a post from the database unless its filter is "raw".
		$copy->filter = 'raw';
		return Broadsheet_Plugin::path_from_url( get_permalink( $copy ) );
	}

	/**
	 * The post's term IDs in every taxonomy of its type ("category", "post_tag", custom ones),
	 * [] for a taxonomy it has no terms in. In a hierarchical taxonomy each term's ancestors
	 * are included: a parent's archive lists its children's posts too, so it changes as well.
	 *
	 * @param WP_Post $post The post.
	 * @return array<string, int[]>
	 */
	private static function post_terms( WP_Post $post ) {
		$terms = array();
		foreach ( get_object_taxonomies( $post->post_type, 'names' ) as $taxonomy ) {
			$ids = wp_get_object_terms( $post->ID, $taxonomy, array( 'fields' => 'ids' ) );
			$ids = is_array( $ids ) ? array_values( array_map( 'intval', $ids ) ) : array();
			if ( is_taxonomy_hierarchical( $taxonomy ) ) {
				$ids = self::with_ancestors( $ids, $taxonomy );
			}
			$terms[ $taxonomy ] = $ids;
		}
		return $terms;
	}

	/**
	 * Term ids with every ancestor of each, once.
	 *
	 * @param int[]  $ids      Term ids.
	 * @param string $taxonomy A hierarchical taxonomy.
	 * @return int[]
	 */
	private static function with_ancestors( array $ids, $taxonomy ) {
		$all = $ids;
		foreach ( $ids as $id ) {
			foreach ( get_ancestors( $id, $taxonomy, 'taxonomy' ) as $ancestor ) {
				$all[] = (int) $ancestor;
			}
		}
		return array_values( array_unique( $all ) );
	}

	/**
	 * The publication date as ISO 8601 UTC ("2024-03-05T10:00:00Z"). Drafts carry a zero GMT
	 * date, so it is derived from the local date then.
	 *
	 * @param WP_Post $post The post.
	 * @return string
	 */
	private static function iso_date_gmt( WP_Post $post ) {
		$gmt = (string) $post->post_date_gmt;
		if ( '' === $gmt || '0000-00-00 00:00:00' === $gmt ) {
			$gmt = get_gmt_from_date( $post->post_date );
		}
		try {
			$date = new DateTimeImmutable( $gmt, new DateTimeZone( 'UTC' ) );
		} catch ( Exception $e ) {
			return '';
		}
		return $date->format( 'Y-m-d\TH:i:s\Z' );
	}

	/**
	 * The object of a term event.
	 *
	 * @param WP_Term    $term   The term.
	 * @param array|null $before Slug and path before the request's first edit.
	 * @return array
	 */
	private static function term_object( WP_Term $term, $before = null ) {
		$path   = self::term_path( $term );
		$object = array(
			'id'       => (int) $term->term_id,
			'taxonomy' => $term->taxonomy,
			'slug'     => $term->slug,
		);
		if ( is_array( $before ) && $before['slug'] !== $term->slug ) {
			$object['previous_slug'] = $before['slug'];
		}
		self::add_paths( $object, $path, is_array( $before ) ? $before['path'] : null );
		$object['parent'] = (int) $term->parent;
		return $object;
	}

	/**
	 * A term archive's path.
	 *
	 * @param WP_Term $term The term.
	 * @return string|null
	 */
	private static function term_path( WP_Term $term ) {
		$link = get_term_link( $term );
		return is_wp_error( $link ) ? null : Broadsheet_Plugin::path_from_url( $link );
	}

	/**
	 * The object of a user event.
	 *
	 * @param WP_User    $user   The user.
	 * @param array|null $before Slug and path before the update.
	 * @return array
	 */
	private static function user_object( WP_User $user, $before = null ) {
		$path   = self::author_path( $user->ID, $user->user_nicename );
		$object = array(
			'id'   => (int) $user->ID,
			'slug' => $user->user_nicename,
		);
		if ( is_array( $before ) && $before['slug'] !== $user->user_nicename ) {
			$object['previous_slug'] = $before['slug'];
		}
		self::add_paths( $object, $path, is_array( $before ) ? $before['path'] : null );
		return $object;
	}

	/**
	 * Adds "path", and "previous_path" when it differs. A path that could not be computed is
	 * left out rather than sent as null: receivers treat both fields as optional strings.
	 *
	 * @param array       $object        Object being built (changed in place).
	 * @param string|null $path          Current path.
	 * @param string|null $previous_path Path before the request's first change.
	 */
	private static function add_paths( array &$object, $path, $previous_path ) {
		if ( is_string( $path ) ) {
			$object['path'] = $path;
		}
		if ( is_string( $previous_path ) && $previous_path !== $path ) {
			$object['previous_path'] = $previous_path;
		}
	}

	/**
	 * An author archive's path, computed from the given nicename (so it also works for the old
	 * nicename and for a user being deleted).
	 *
	 * @param int    $user_id  User ID.
	 * @param string $nicename user_nicename.
	 * @return string|null
	 */
	private static function author_path( $user_id, $nicename ) {
		return Broadsheet_Plugin::path_from_url( get_author_posts_url( (int) $user_id, (string) $nicename ) );
	}

	/**
	 * Watches a page's published descendants: their paths contain its slug, so they move when
	 * it is renamed, trashed or deleted, and the frontend must learn their old paths too.
	 *
	 * @param WP_Post $post A hierarchical post.
	 */
	private static function watch_descendants( WP_Post $post ) {
		$parents = array( (int) $post->ID );
		$watched = 0;
		while ( $parents && $watched < self::MAX_WATCHED_DESCENDANTS ) {
			$children = get_posts(
				array(
					'post_type'        => $post->post_type,
					'post_status'      => 'publish',
					'post_parent__in'  => $parents,
					'fields'           => 'ids',
					'numberposts'      => self::MAX_WATCHED_DESCENDANTS - $watched,
					'orderby'          => 'ID',
					'order'            => 'ASC',
					'suppress_filters' => true,
					'no_found_rows'    => true,
				)
			);
			$parents = array();
			foreach ( $children as $child_id ) {
				$child = get_post( $child_id );
				if ( ! $child instanceof WP_Post ) {
					continue;
				}
				$key = self::post_key( $child );
				if ( ! isset( self::$queue['before'][ $key ] ) ) {
					self::$queue['before'][ $key ] = self::post_snapshot( $child );
				}
				self::$queue['descendants'][ $key ] = (int) $child_id;
				$parents[]                          = (int) $child_id;
				++$watched;
			}
		}
	}

	/**
	 * Watches a term's descendants, like watch_descendants() does for pages.
	 *
	 * @param WP_Term $term A term.
	 */
	private static function watch_term_descendants( WP_Term $term ) {
		if ( ! is_taxonomy_hierarchical( $term->taxonomy ) ) {
			return;
		}
		$children = get_term_children( $term->term_id, $term->taxonomy );
		if ( ! is_array( $children ) ) {
			return;
		}
		foreach ( array_slice( $children, 0, self::MAX_WATCHED_DESCENDANTS ) as $child_id ) {
			$child = get_term( (int) $child_id, $term->taxonomy );
			if ( ! $child instanceof WP_Term ) {
				continue;
			}
			$key = 'term:' . (int) $child->term_id;
			if ( ! isset( self::$queue['before'][ $key ] ) ) {
				self::$queue['before'][ $key ] = array(
					'slug' => $child->slug,
					'path' => self::term_path( $child ),
				);
			}
			self::$queue['descendants'][ $key ] = (int) $child->term_id;
		}
	}

	/**
	 * Queues an "updated" event for each watched descendant (page or term) whose path moved.
	 */
	private static function queue_moved_descendants() {
		foreach ( self::$queue['descendants'] as $key => $id ) {
			if ( isset( self::$queue['events'][ $key ] ) ) {
				continue;
			}
			if ( 0 === strpos( $key, 'term:' ) ) {
				$term = get_term( $id );
				if ( $term instanceof WP_Term && self::term_path( $term ) !== self::$queue['before'][ $key ]['path'] ) {
					self::enqueue( $key, 'term', 'updated', array( 'id' => (int) $id ) );
				}
				continue;
			}
			$post = get_post( $id );
			if ( ! self::is_tracked_post( $post ) || 'publish' !== $post->post_status ) {
				continue;
			}
			if ( self::post_path( $post ) !== self::$queue['before'][ $key ]['path'] ) {
				self::enqueue( $key, self::post_event_type( $post ), 'updated', array( 'id' => (int) $id ) );
			}
		}
	}

	/**
	 * Reports the post a comment belongs to, when that post is published.
	 *
	 * @param WP_Comment|int $comment The comment.
	 */
	private static function comment_changed( $comment ) {
		$comment = get_comment( $comment );
		if ( ! $comment instanceof WP_Comment ) {
			return;
		}
		$post = get_post( (int) $comment->comment_post_ID );
		if ( self::is_tracked_post( $post ) && 'publish' === $post->post_status ) {
			self::enqueue( self::post_key( $post ), self::post_event_type( $post ), 'updated', array( 'id' => (int) $post->ID ) );
		}
	}

	/**
	 * Queues a menu event (nothing for items outside any menu).
	 *
	 * @param int    $menu_id Menu ID.
	 * @param string $action  Action.
	 */
	private static function enqueue_menu( $menu_id, $action ) {
		$menu_id = (int) $menu_id;
		if ( $menu_id > 0 ) {
			self::enqueue( 'menu:' . $menu_id, 'menu', $action, array( 'id' => $menu_id ) );
		}
	}

	/**
	 * The options whose changes are reported.
	 *
	 * @return string[]
	 */
	private static function watched_options() {
		/**
		 * Filters the options whose changes send a "settings" event.
		 *
		 * @param string[] $options Option names.
		 */
		return array_unique( array_map( 'strval', (array) apply_filters( 'broadsheet_watched_options', self::WATCHED_OPTIONS ) ) );
	}

	/**
	 * A real (not revision, not autosave) post of a tracked type.
	 *
	 * @param mixed $post Anything.
	 * @return bool
	 */
	private static function is_tracked_post( $post ) {
		return $post instanceof WP_Post
			&& ! wp_is_post_revision( $post )
			&& ! wp_is_post_autosave( $post )
			&& self::is_tracked_post_type( $post->post_type );
	}

	/**
	 * "page" for pages, "post" for every other post type (the frontend looks at post_type for more).
	 *
	 * @param WP_Post $post The post.
	 * @return string
	 */
	private static function post_event_type( WP_Post $post ) {
		return 'page' === $post->post_type ? 'page' : 'post';
	}

	/**
	 * The queue key of a post.
	 *
	 * @param WP_Post $post The post.
	 * @return string
	 */
	private static function post_key( WP_Post $post ) {
		return self::post_event_type( $post ) . ':' . (int) $post->ID;
	}
}
