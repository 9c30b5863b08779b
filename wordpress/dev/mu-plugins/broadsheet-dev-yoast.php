<?php
/**
 * Plugin Name: Broadsheet DEV — Yoast SEO stand-in (DEVELOPMENT ONLY)
 * Description: Development-only stand-in that serves Yoast SEO's REST output (yoast_head, yoast_head_json, /yoast/v1/get_head) so Broadsheet's Yoast path can be developed offline. Never install on a real site.
 * Version:     0.1.0
 * Requires at least: 6.0
 * Requires PHP: 7.4
 *
 * ===========================================================================
 *  DEVELOPMENT-ONLY STAND-IN. NEVER INSTALL THIS ON A REAL SITE.
 * ===========================================================================
 *
 * Why this exists: Broadsheet's development backend is WordPress Playground
 * (WordPress 6.5, PHP in WebAssembly, SQLite) running offline, where the real
 * Yoast SEO plugin cannot be installed. The frontend has a code path that
 * consumes Yoast's REST output, and that path needs a backend that speaks
 * Yoast's shape. This must-use plugin imitates that shape and nothing more:
 *
 *   - REST fields `yoast_head` (HTML string) and `yoast_head_json` (object) on
 *     posts, pages and events (the dev site's custom post type, see
 *     broadsheet-dev-events.php), but only for items that carry recorded Yoast data
 *     (post meta `_yoast_wpseo_title`); everything else gets null so the
 *     frontend's non-Yoast fallback path is exercised too.
 *   - The same two fields on categories, tags, event series and users that carry
 *     the marker meta `_broadsheet_dev_yoast` (set by the seed for some of each).
 *   - GET /wp-json/yoast/v1/get_head?url=… for the home page and its later
 *     pages, for posts or pages with recorded data, and for those archives and
 *     their later pages.
 *
 * A real site uses Yoast SEO itself. This file has no settings, no admin UI,
 * hard-coded social handles and only a subset of Yoast's logic. If the real
 * plugin is ever active it steps aside (see broadsheet_dev_yoast_real_yoast_active()).
 *
 * All URLs are WordPress-origin (home_url() / get_permalink()); the frontend
 * rewrites them, exactly as it must for the real plugin.
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

if ( ! defined( 'BROADSHEET_DEV_YOAST_VERSION' ) ) {
	// The Yoast version we claim in the HTML comment, as the real plugin does.
	define( 'BROADSHEET_DEV_YOAST_VERSION', '22.0' );
}
if ( ! defined( 'BROADSHEET_DEV_YOAST_SEPARATOR' ) ) {
	// Yoast's default title separator ("sc-dash").
	define( 'BROADSHEET_DEV_YOAST_SEPARATOR', '-' );
}
if ( ! defined( 'BROADSHEET_DEV_YOAST_DEFAULT_TITLE' ) ) {
	// Yoast's default SEO title template for posts and pages, used when the recorded title is empty.
	define( 'BROADSHEET_DEV_YOAST_DEFAULT_TITLE', '%%title%% %%page%% %%sep%% %%sitename%%' );
}
if ( ! defined( 'BROADSHEET_DEV_YOAST_FACEBOOK_PAGE' ) ) {
	// Real Yoast reads this from its Social settings; the stand-in has no settings, so it is fixed.
	define( 'BROADSHEET_DEV_YOAST_FACEBOOK_PAGE', 'https://www.facebook.com/lanternquarterly' );
}
if ( ! defined( 'BROADSHEET_DEV_YOAST_TWITTER_SITE' ) ) {
	// Stored without "@", as Yoast stores its twitter_site option.
	define( 'BROADSHEET_DEV_YOAST_TWITTER_SITE', 'lanternquarterly' );
}
if ( ! defined( 'BROADSHEET_DEV_YOAST_WORDS_PER_MINUTE' ) ) {
	define( 'BROADSHEET_DEV_YOAST_WORDS_PER_MINUTE', 200 );
}

add_action( 'rest_api_init', 'broadsheet_dev_yoast_register_rest' );

/* -------------------------------------------------------------------------
 * Registration
 * ---------------------------------------------------------------------- */

/**
 * Registers the REST fields and the get_head route, unless real Yoast is active.
 */
function broadsheet_dev_yoast_register_rest() {
	// With the real plugin present, registering the same fields and route would
	// shadow real data with fake data. rest_api_init runs after all plugins have
	// loaded, so the check is reliable here (it would not be at mu-plugin load time).
	if ( broadsheet_dev_yoast_real_yoast_active() ) {
		return;
	}

	broadsheet_dev_yoast_register_fields();
	broadsheet_dev_yoast_register_archive_fields();
	broadsheet_dev_yoast_register_routes();
}

/**
 * Whether the real Yoast SEO plugin is loaded.
 *
 * @return bool
 */
function broadsheet_dev_yoast_real_yoast_active() {
	return defined( 'WPSEO_VERSION' );
}

/**
 * The post types the stand-in describes: posts, pages and, where registered, the dev
 * site's events (Yoast covers every public post type).
 *
 * @return string[]
 */
function broadsheet_dev_yoast_post_types() {
	return array_values( array_filter( [ 'post', 'page', 'event' ], 'post_type_exists' ) );
}

/**
 * Adds `yoast_head` and `yoast_head_json` to posts, pages and events, in Yoast's order.
 */
function broadsheet_dev_yoast_register_fields() {
	$post_types = broadsheet_dev_yoast_post_types();

	register_rest_field(
		$post_types,
		'yoast_head',
		[
			'get_callback' => 'broadsheet_dev_yoast_field_head',
			'schema'       => [
				'description' => 'Yoast SEO head markup (development stand-in).',
				'type'        => [ 'string', 'null' ],
				'context'     => [ 'view', 'edit', 'embed' ],
				'readonly'    => true,
			],
		]
	);

	register_rest_field(
		$post_types,
		'yoast_head_json',
		[
			'get_callback' => 'broadsheet_dev_yoast_field_head_json',
			'schema'       => [
				'description' => 'Yoast SEO head data (development stand-in).',
				'type'        => [ 'object', 'null' ],
				'context'     => [ 'view', 'edit', 'embed' ],
				'readonly'    => true,
			],
		]
	);
}

/**
 * Adds GET /yoast/v1/get_head, Yoast's "head for any URL" endpoint.
 */
function broadsheet_dev_yoast_register_routes() {
	register_rest_route(
		'yoast/v1',
		'/get_head',
		[
			'methods'             => WP_REST_Server::READABLE,
			'callback'            => 'broadsheet_dev_yoast_rest_get_head',
			// Public like the real endpoint; only published, publicly viewable content is resolved.
			'permission_callback' => '__return_true',
			'args'                => [
				'url' => [
					'description' => 'The URL to get the head for.',
					'type'        => 'string',
					'required'    => true,
				],
			],
		]
	);
}

/* -------------------------------------------------------------------------
 * REST callbacks
 * ---------------------------------------------------------------------- */

/**
 * get_callback for `yoast_head`.
 *
 * @param array $item Prepared REST item.
 * @return string|null
 */
function broadsheet_dev_yoast_field_head( $item ) {
	$head = broadsheet_dev_yoast_post_head( isset( $item['id'] ) ? (int) $item['id'] : 0 );
	return null === $head ? null : $head['html'];
}

/**
 * get_callback for `yoast_head_json`.
 *
 * @param array $item Prepared REST item.
 * @return array|null
 */
function broadsheet_dev_yoast_field_head_json( $item ) {
	$head = broadsheet_dev_yoast_post_head( isset( $item['id'] ) ? (int) $item['id'] : 0 );
	return null === $head ? null : $head['json'];
}

/**
 * Callback for GET /yoast/v1/get_head.
 *
 * Answers {"html","json","status"} with the same HTTP status, like Yoast.
 *
 * @param WP_REST_Request $request Request.
 * @return WP_REST_Response
 */
function broadsheet_dev_yoast_rest_get_head( $request ) {
	$target = broadsheet_dev_yoast_resolve_url( (string) $request->get_param( 'url' ) );

	$json = null;
	if ( 'home' === $target ) {
		$head = broadsheet_dev_yoast_archive_head( 'home', 0, 1 );
		$json = null === $head ? broadsheet_dev_yoast_build_home_json() : $head['json'];
	} elseif ( is_int( $target ) ) {
		$head = broadsheet_dev_yoast_post_head( $target );
		$json = null === $head ? null : $head['json'];
	} else {
		// Not a post or the home page: perhaps an archive, or a later page of one. With a static
		// front page, "/" is that page (unrecorded here), never the blog home.
		$relative = broadsheet_dev_yoast_home_relative_path( (string) $request->get_param( 'url' ) );
		$archive  = '/' === $relative && broadsheet_dev_yoast_static_front_page_id() > 0
			? null
			: broadsheet_dev_yoast_resolve_archive_path( $relative );
		$head    = null === $archive ? null : broadsheet_dev_yoast_archive_head( $archive[0], $archive[1], $archive[2] );
		$json    = null === $head ? null : $head['json'];
	}

	if ( null === $json ) {
		return new WP_REST_Response(
			[
				'html'   => '',
				'json'   => null,
				'status' => 404,
			],
			404
		);
	}

	return new WP_REST_Response(
		[
			'html'   => broadsheet_dev_yoast_render_html( $json ),
			'json'   => $json,
			'status' => 200,
		],
		200
	);
}

/**
 * Maps a URL to 'home', a post ID with recorded Yoast data, or null.
 *
 * The host is deliberately ignored and the path is resolved against this
 * site's own origin: in development the same WordPress is reached as
 * 127.0.0.1, localhost or a proxy, and a strict host match would only make
 * the stand-in flaky. Real Yoast matches the stored permalink exactly.
 *
 * @param string $url Absolute or root-relative URL.
 * @return string|int|null
 */
function broadsheet_dev_yoast_resolve_url( $url ) {
	$url   = trim( $url );
	$parts = '' !== $url ? wp_parse_url( $url ) : false;
	$home  = wp_parse_url( home_url( '/' ) );
	if ( ! is_array( $parts ) || ! is_array( $home ) || empty( $home['host'] ) ) {
		return null;
	}

	$path      = isset( $parts['path'] ) && '' !== $parts['path'] ? $parts['path'] : '/';
	$query     = isset( $parts['query'] ) ? $parts['query'] : '';
	$home_path = isset( $home['path'] ) ? $home['path'] : '/';

	if ( '' === $query && untrailingslashit( $path ) === untrailingslashit( $home_path ) ) {
		// A static front page answers for itself, as it would in Yoast; without recorded data this
		// stand-in knows it no more than any other unrecorded page (404), never as the blog home.
		$front_id = broadsheet_dev_yoast_static_front_page_id();
		if ( $front_id > 0 ) {
			return broadsheet_dev_yoast_is_public_record( $front_id ) ? $front_id : null;
		}
		return 'home';
	}

	$origin  = ( isset( $home['scheme'] ) ? $home['scheme'] : 'http' ) . '://' . $home['host']
		. ( isset( $home['port'] ) ? ':' . $home['port'] : '' );
	$post_id = url_to_postid( $origin . $path . ( '' !== $query ? '?' . $query : '' ) );

	return $post_id > 0 && broadsheet_dev_yoast_is_public_record( $post_id ) ? (int) $post_id : null;
}

/**
 * A URL's path relative to the site's home path ("/category/a/page/2/"); the host is
 * ignored for the reason given in broadsheet_dev_yoast_resolve_url().
 *
 * @param string $url Absolute or root-relative URL.
 * @return string
 */
function broadsheet_dev_yoast_home_relative_path( $url ) {
	$parts     = wp_parse_url( trim( $url ) );
	$path      = is_array( $parts ) && isset( $parts['path'] ) ? $parts['path'] : '/';
	$home_path = untrailingslashit( (string) wp_parse_url( home_url( '/' ), PHP_URL_PATH ) );
	if ( '' !== $home_path && 0 === strpos( $path, $home_path ) ) {
		$path = substr( $path, strlen( $home_path ) );
	}
	return '' === $path ? '/' : $path;
}

/**
 * Whether a post may be described by the public get_head endpoint: published,
 * not password-protected, and carrying recorded Yoast data.
 *
 * @param int $post_id Post ID.
 * @return bool
 */
function broadsheet_dev_yoast_is_public_record( $post_id ) {
	$post = get_post( $post_id );
	// A public endpoint must not reveal drafts, private or password-protected content.
	return $post instanceof WP_Post
		&& is_post_publicly_viewable( $post )
		&& ! post_password_required( $post )
		&& broadsheet_dev_yoast_has_record( $post->ID );
}

/**
 * ID of the static front page, or 0 when the home page is the blog index.
 *
 * @return int
 */
function broadsheet_dev_yoast_static_front_page_id() {
	return 'page' === get_option( 'show_on_front' ) ? (int) get_option( 'page_on_front' ) : 0;
}

/* -------------------------------------------------------------------------
 * Recorded Yoast data
 * ---------------------------------------------------------------------- */

/**
 * Whether a post carries recorded Yoast data (Yoast's real SEO-title meta key).
 *
 * @param int $post_id Post ID.
 * @return bool
 */
function broadsheet_dev_yoast_has_record( $post_id ) {
	return metadata_exists( 'post', $post_id, '_yoast_wpseo_title' );
}

/**
 * Reads the recorded Yoast meta, under Yoast's own meta keys.
 *
 * The focus keyphrase is read for completeness, but, as in real Yoast, it is
 * an editing aid and never appears in the head output.
 *
 * @param int $post_id Post ID.
 * @return array{title:string,metadesc:string,focuskw:string}
 */
function broadsheet_dev_yoast_read_record( $post_id ) {
	return [
		'title'    => (string) get_post_meta( $post_id, '_yoast_wpseo_title', true ),
		'metadesc' => (string) get_post_meta( $post_id, '_yoast_wpseo_metadesc', true ),
		'focuskw'  => (string) get_post_meta( $post_id, '_yoast_wpseo_focuskw', true ),
	];
}

/**
 * The head (HTML and data) of a post or page, or null without recorded data.
 *
 * Cached per request because `yoast_head` and `yoast_head_json` are two
 * separate field callbacks over the same data. A REST response is built after
 * any write in the same request, so the cache never sees stale meta in practice.
 *
 * @param int $post_id Post ID.
 * @return array{html:string,json:array}|null
 */
function broadsheet_dev_yoast_post_head( $post_id ) {
	static $cache = [];

	$post_id = (int) $post_id;
	if ( array_key_exists( $post_id, $cache ) ) {
		return $cache[ $post_id ];
	}

	$head = null;
	$post = $post_id > 0 ? get_post( $post_id ) : null;
	if (
		$post instanceof WP_Post
		&& in_array( $post->post_type, broadsheet_dev_yoast_post_types(), true )
		&& broadsheet_dev_yoast_has_record( $post->ID )
	) {
		$json = broadsheet_dev_yoast_build_post_json( $post, broadsheet_dev_yoast_read_record( $post->ID ) );
		$head = [
			'html' => broadsheet_dev_yoast_render_html( $json ),
			'json' => $json,
		];
	}

	$cache[ $post_id ] = $head;
	return $head;
}

/* -------------------------------------------------------------------------
 * Head data (yoast_head_json)
 * ---------------------------------------------------------------------- */

/**
 * Builds yoast_head_json for a post or page, keys in Yoast's order.
 *
 * @param WP_Post $post   Post.
 * @param array   $record Recorded Yoast meta.
 * @return array
 */
function broadsheet_dev_yoast_build_post_json( WP_Post $post, array $record ) {
	$site    = broadsheet_dev_yoast_site();
	$is_post = 'post' === $post->post_type;
	$author  = get_userdata( (int) $post->post_author );
	$words   = broadsheet_dev_yoast_word_count( $post );

	$template    = '' !== trim( $record['title'] ) ? $record['title'] : BROADSHEET_DEV_YOAST_DEFAULT_TITLE;
	$title       = broadsheet_dev_yoast_replace_vars( $template, $post );
	$description = broadsheet_dev_yoast_replace_vars( $record['metadesc'], $post );

	$ctx = [
		'site'        => $site,
		'post'        => $post,
		'is_front'    => (int) $post->ID === broadsheet_dev_yoast_static_front_page_id(),
		'author'      => $author instanceof WP_User ? $author : null,
		'canonical'   => (string) get_permalink( $post ),
		'title'       => $title,
		'description' => $description,
		'image'       => broadsheet_dev_yoast_featured_image( $post ),
		'words'       => $words,
		'published'   => broadsheet_dev_yoast_w3c_date( $post->post_date_gmt, $post->post_date ),
		'modified'    => broadsheet_dev_yoast_w3c_date( $post->post_modified_gmt, $post->post_modified ),
	];

	// Yoast falls back to the excerpt for Open Graph only, never for the meta description.
	$og_description = '' !== $description ? $description : broadsheet_dev_yoast_excerpt( $post );
	$author_name    = $ctx['author'] ? broadsheet_dev_yoast_plain( $ctx['author']->display_name ) : '';
	$creator        = $ctx['author'] ? broadsheet_dev_yoast_twitter_handle( $ctx['author']->ID ) : '';

	$json = [ 'title' => $title ];
	if ( '' !== $description ) {
		$json['description'] = $description;
	}
	$json['robots']    = broadsheet_dev_yoast_robots();
	$json['canonical'] = $ctx['canonical'];
	$json['og_locale'] = $site['locale'];
	// Yoast uses "article" for every singular, pages included; "website" only for the home page
	// (here: a static front page; the blog index is built by broadsheet_dev_yoast_build_home_json()).
	$json['og_type']  = $ctx['is_front'] ? 'website' : 'article';
	$json['og_title'] = $title;
	if ( '' !== $og_description ) {
		$json['og_description'] = $og_description;
	}
	$json['og_url']            = $ctx['canonical'];
	$json['og_site_name']      = $site['name'];
	$json['article_publisher'] = BROADSHEET_DEV_YOAST_FACEBOOK_PAGE;
	// Yoast emits the published time for the `post` type only; pages get the modified time alone.
	if ( $is_post ) {
		$json['article_published_time'] = $ctx['published'];
	}
	$json['article_modified_time'] = $ctx['modified'];
	if ( $ctx['image'] ) {
		$json['og_image'] = [ broadsheet_dev_yoast_og_image( $ctx['image'] ) ];
	}
	// Yoast's <meta name="author"> and "Written by" are limited to the `post` type.
	if ( $is_post && '' !== $author_name ) {
		$json['author'] = $author_name;
	}
	$json['twitter_card'] = 'summary_large_image';
	if ( '' !== $creator ) {
		$json['twitter_creator'] = $creator;
	}
	$json['twitter_site'] = '@' . BROADSHEET_DEV_YOAST_TWITTER_SITE;
	$json['twitter_misc'] = broadsheet_dev_yoast_twitter_misc( $is_post ? $author_name : '', $words );
	$json['schema']       = broadsheet_dev_yoast_post_schema( $ctx );

	return $json;
}

/**
 * Builds yoast_head_json for the home page (blog index).
 *
 * @return array
 */
function broadsheet_dev_yoast_build_home_json() {
	$site  = broadsheet_dev_yoast_site();
	$title = '' !== $site['tagline']
		? $site['name'] . ' ' . BROADSHEET_DEV_YOAST_SEPARATOR . ' ' . $site['tagline']
		: $site['name'];

	$json = [ 'title' => $title ];
	// The tagline doubles as the description, so the home head is never description-less.
	if ( '' !== $site['tagline'] ) {
		$json['description'] = $site['tagline'];
	}
	$json['robots']    = broadsheet_dev_yoast_robots();
	$json['canonical'] = $site['url'];
	$json['og_locale'] = $site['locale'];
	$json['og_type']   = 'website';
	$json['og_title']  = $title;
	if ( '' !== $site['tagline'] ) {
		$json['og_description'] = $site['tagline'];
	}
	$json['og_url']       = $site['url'];
	$json['og_site_name'] = $site['name'];
	$json['twitter_card'] = 'summary_large_image';
	$json['twitter_site'] = '@' . BROADSHEET_DEV_YOAST_TWITTER_SITE;
	$json['schema']       = broadsheet_dev_yoast_home_schema( $title );

	return $json;
}

/**
 * Site-wide values, as plain text.
 *
 * @return array{name:string,tagline:string,url:string,locale:string,language:string}
 */
function broadsheet_dev_yoast_site() {
	return [
		'name'     => broadsheet_dev_yoast_plain( get_bloginfo( 'name' ) ),
		'tagline'  => broadsheet_dev_yoast_plain( get_bloginfo( 'description' ) ),
		'url'      => home_url( '/' ),
		'locale'   => get_locale(),
		'language' => get_bloginfo( 'language' ),
	];
}

/**
 * Yoast's default robots for indexable content, in Yoast's key order.
 *
 * @return array
 */
function broadsheet_dev_yoast_robots() {
	return [
		'index'             => 'index',
		'follow'            => 'follow',
		'max-snippet'       => 'max-snippet:-1',
		'max-image-preview' => 'max-image-preview:large',
		'max-video-preview' => 'max-video-preview:-1',
	];
}

/**
 * Yoast's Slack "enhanced data" labels (twitter:label/data pairs).
 *
 * @param string $author_name Empty to leave "Written by" out.
 * @param int    $words       Word count of the content.
 * @return array
 */
function broadsheet_dev_yoast_twitter_misc( $author_name, $words ) {
	$misc = [];
	if ( '' !== $author_name ) {
		$misc['Written by'] = $author_name;
	}
	$misc['Est. reading time'] = broadsheet_dev_yoast_reading_time( $words );
	return $misc;
}

/**
 * One og_image entry, in Yoast's key order (width, height, url, type).
 *
 * @param array $image Result of broadsheet_dev_yoast_attachment_image().
 * @return array
 */
function broadsheet_dev_yoast_og_image( array $image ) {
	$entry = [];
	// Yoast only states dimensions it knows.
	if ( $image['width'] > 0 && $image['height'] > 0 ) {
		$entry['width']  = $image['width'];
		$entry['height'] = $image['height'];
	}
	$entry['url'] = $image['url'];
	if ( '' !== $image['type'] ) {
		$entry['type'] = $image['type'];
	}
	return $entry;
}

/* -------------------------------------------------------------------------
 * Schema graph
 * ---------------------------------------------------------------------- */

/**
 * The schema graph for a post (Article…Person) or page (WebPage…Organization).
 *
 * @param array $ctx Context from broadsheet_dev_yoast_build_post_json().
 * @return array
 */
function broadsheet_dev_yoast_post_schema( array $ctx ) {
	$is_post = 'post' === $ctx['post']->post_type;
	$graph   = [];

	if ( $is_post ) {
		$graph[] = broadsheet_dev_yoast_schema_article( $ctx );
	}
	$graph[] = broadsheet_dev_yoast_schema_webpage( $ctx );
	if ( $ctx['image'] ) {
		$graph[] = broadsheet_dev_yoast_schema_image( $ctx['canonical'] . '#primaryimage', $ctx['image'] );
	}
	$trail   = $ctx['is_front']
		? [ [ 'name' => 'Home', 'url' => null ] ] // The front page is the root crumb itself.
		: broadsheet_dev_yoast_breadcrumb_trail( $ctx['post'] );
	$graph[] = broadsheet_dev_yoast_schema_breadcrumbs( $ctx['canonical'], $trail );
	$graph[] = broadsheet_dev_yoast_schema_website();
	$graph[] = broadsheet_dev_yoast_schema_organization();
	// Yoast adds the author's Person node only where an Article references it.
	if ( $is_post && $ctx['author'] ) {
		$graph[] = broadsheet_dev_yoast_schema_person( $ctx['author'] );
	}

	return [
		'@context' => 'https://schema.org',
		'@graph'   => $graph,
	];
}

/**
 * The schema graph for the home page.
 *
 * @param string $title Home title.
 * @return array
 */
function broadsheet_dev_yoast_home_schema( $title ) {
	$site = broadsheet_dev_yoast_site();

	$page = [
		'@type'    => 'CollectionPage',
		'@id'      => $site['url'],
		'url'      => $site['url'],
		'name'     => $title,
		'isPartOf' => [ '@id' => $site['url'] . '#website' ],
		'about'    => [ '@id' => $site['url'] . '#organization' ],
	];
	if ( '' !== $site['tagline'] ) {
		$page['description'] = $site['tagline'];
	}
	$page['breadcrumb'] = [ '@id' => $site['url'] . '#breadcrumb' ];
	$page['inLanguage'] = $site['language'];
	// Yoast gives a CollectionPage no ReadAction.

	return [
		'@context' => 'https://schema.org',
		'@graph'   => [
			$page,
			broadsheet_dev_yoast_schema_breadcrumbs( $site['url'], [ [ 'name' => 'Home', 'url' => null ] ] ),
			broadsheet_dev_yoast_schema_website(),
			broadsheet_dev_yoast_schema_organization(),
		],
	];
}

/**
 * Article node.
 *
 * @param array $ctx Post context.
 * @return array
 */
function broadsheet_dev_yoast_schema_article( array $ctx ) {
	$post      = $ctx['post'];
	$canonical = $ctx['canonical'];
	$home      = $ctx['site']['url'];

	$node = [
		'@type'    => 'Article',
		'@id'      => $canonical . '#article',
		'isPartOf' => [ '@id' => $canonical ],
	];
	if ( $ctx['author'] ) {
		$node['author'] = [
			'name' => broadsheet_dev_yoast_plain( $ctx['author']->display_name ),
			'@id'  => broadsheet_dev_yoast_person_id( $ctx['author'] ),
		];
	}
	$node['headline']         = broadsheet_dev_yoast_post_title( $post );
	$node['datePublished']    = $ctx['published'];
	$node['dateModified']     = $ctx['modified'];
	$node['mainEntityOfPage'] = [ '@id' => $canonical ];
	$node['wordCount']        = $ctx['words'];
	if ( 'open' === $post->comment_status ) {
		$node['commentCount'] = (int) $post->comment_count;
	}
	$node['publisher'] = [ '@id' => $home . '#organization' ];
	if ( $ctx['image'] ) {
		$node['image']        = [ '@id' => $canonical . '#primaryimage' ];
		$node['thumbnailUrl'] = $ctx['image']['url'];
	}

	$keywords = broadsheet_dev_yoast_term_names( $post->ID, 'post_tag' );
	if ( $keywords ) {
		$node['keywords'] = $keywords;
	}
	// Yoast leaves WordPress' default "Uncategorized" out of the sections.
	$sections = array_values( array_diff( broadsheet_dev_yoast_term_names( $post->ID, 'category' ), [ __( 'Uncategorized' ) ] ) );
	if ( $sections ) {
		$node['articleSection'] = $sections;
	}
	$node['inLanguage'] = $ctx['site']['language'];

	if ( 'open' === $post->comment_status && post_type_supports( $post->post_type, 'comments' ) ) {
		$node['potentialAction'] = [
			[
				'@type'  => 'CommentAction',
				'name'   => 'Comment',
				'target' => [ $canonical . '#respond' ],
			],
		];
	}

	return $node;
}

/**
 * WebPage node for a post or page.
 *
 * @param array $ctx Post context.
 * @return array
 */
function broadsheet_dev_yoast_schema_webpage( array $ctx ) {
	$canonical = $ctx['canonical'];
	$home      = $ctx['site']['url'];

	$node = [
		'@type'    => 'WebPage',
		'@id'      => $canonical,
		'url'      => $canonical,
		'name'     => $ctx['title'],
		'isPartOf' => [ '@id' => $home . '#website' ],
	];
	if ( $ctx['is_front'] ) {
		$node['about'] = [ '@id' => $home . '#organization' ];
	}
	if ( $ctx['image'] ) {
		$node['primaryImageOfPage'] = [ '@id' => $canonical . '#primaryimage' ];
		$node['image']              = [ '@id' => $canonical . '#primaryimage' ];
		$node['thumbnailUrl']       = $ctx['image']['url'];
	}
	$node['datePublished'] = $ctx['published'];
	$node['dateModified']  = $ctx['modified'];
	if ( '' !== $ctx['description'] ) {
		$node['description'] = $ctx['description'];
	}
	$node['breadcrumb']      = [ '@id' => $canonical . '#breadcrumb' ];
	$node['inLanguage']      = $ctx['site']['language'];
	$node['potentialAction'] = [
		[
			'@type'  => 'ReadAction',
			'target' => [ $canonical ],
		],
	];

	return $node;
}

/**
 * ImageObject node (primary image or logo).
 *
 * @param string $id      Node @id.
 * @param array  $image   Result of broadsheet_dev_yoast_attachment_image().
 * @param string $caption Caption used when the attachment has none.
 * @return array
 */
function broadsheet_dev_yoast_schema_image( $id, array $image, $caption = '' ) {
	$site = broadsheet_dev_yoast_site();
	$node = [
		'@type'      => 'ImageObject',
		'inLanguage' => $site['language'],
		'@id'        => $id,
		'url'        => $image['url'],
		'contentUrl' => $image['url'],
	];
	if ( $image['width'] > 0 && $image['height'] > 0 ) {
		$node['width']  = $image['width'];
		$node['height'] = $image['height'];
	}
	$caption = '' !== $image['caption'] ? $image['caption'] : $caption;
	if ( '' !== $caption ) {
		$node['caption'] = $caption;
	}
	return $node;
}

/**
 * BreadcrumbList node. The last crumb has no "item", as in Yoast.
 *
 * @param string $page_url URL of the page the breadcrumb belongs to.
 * @param array  $trail    List of [ 'name' => string, 'url' => string|null ].
 * @return array
 */
function broadsheet_dev_yoast_schema_breadcrumbs( $page_url, array $trail ) {
	$items = [];
	$last  = count( $trail ) - 1;
	foreach ( array_values( $trail ) as $i => $crumb ) {
		$item = [
			'@type'    => 'ListItem',
			'position' => $i + 1,
			'name'     => $crumb['name'],
		];
		if ( $i < $last && ! empty( $crumb['url'] ) ) {
			$item['item'] = $crumb['url'];
		}
		$items[] = $item;
	}

	return [
		'@type'           => 'BreadcrumbList',
		'@id'             => $page_url . '#breadcrumb',
		'itemListElement' => $items,
	];
}

/**
 * Breadcrumb trail for a post or page: Home → (page ancestors) → item.
 *
 * @param WP_Post $post Post.
 * @return array
 */
function broadsheet_dev_yoast_breadcrumb_trail( WP_Post $post ) {
	$trail = [
		[
			'name' => 'Home',
			'url'  => home_url( '/' ),
		],
	];
	// A custom post type with an archive has that archive as its middle crumb, as in Yoast.
	$type    = get_post_type_object( $post->post_type );
	$archive = 'post' === $post->post_type ? false : get_post_type_archive_link( $post->post_type );
	if ( $type && is_string( $archive ) ) {
		$trail[] = [
			'name' => broadsheet_dev_yoast_plain( $type->labels->name ),
			'url'  => $archive,
		];
	}
	// Yoast's default breadcrumbs include parent pages, not categories.
	foreach ( array_reverse( get_post_ancestors( $post ) ) as $ancestor_id ) {
		$trail[] = [
			'name' => broadsheet_dev_yoast_post_title( get_post( $ancestor_id ) ),
			'url'  => (string) get_permalink( $ancestor_id ),
		];
	}
	$trail[] = [
		'name' => broadsheet_dev_yoast_post_title( $post ),
		'url'  => null,
	];
	return $trail;
}

/**
 * WebSite node.
 *
 * @return array
 */
function broadsheet_dev_yoast_schema_website() {
	$site = broadsheet_dev_yoast_site();
	return [
		'@type'           => 'WebSite',
		'@id'             => $site['url'] . '#website',
		'url'             => $site['url'],
		'name'            => $site['name'],
		'description'     => $site['tagline'],
		'publisher'       => [ '@id' => $site['url'] . '#organization' ],
		'potentialAction' => [
			[
				'@type'       => 'SearchAction',
				'target'      => [
					'@type'       => 'EntryPoint',
					'urlTemplate' => home_url( '/?s={search_term_string}' ),
				],
				'query-input' => 'required name=search_term_string',
			],
		],
		'inLanguage'      => $site['language'],
	];
}

/**
 * Organization node. The logo comes from the theme's custom logo or the site
 * icon when either is set (real Yoast has its own logo setting).
 *
 * @return array
 */
function broadsheet_dev_yoast_schema_organization() {
	$site = broadsheet_dev_yoast_site();
	$node = [
		'@type' => 'Organization',
		'@id'   => $site['url'] . '#organization',
		'name'  => $site['name'],
		'url'   => $site['url'],
	];

	$logo_id = (int) get_theme_mod( 'custom_logo' );
	if ( $logo_id <= 0 ) {
		$logo_id = (int) get_option( 'site_icon' );
	}
	$logo = $logo_id > 0 ? broadsheet_dev_yoast_attachment_image( $logo_id ) : null;
	if ( $logo ) {
		$logo_schema_id = $site['url'] . '#/schema/logo/image/';
		$node['logo']   = broadsheet_dev_yoast_schema_image( $logo_schema_id, $logo, $site['name'] );
		$node['image']  = [ '@id' => $logo_schema_id ];
	}

	// Same handles as article:publisher and twitter:site, so the head agrees with itself.
	$node['sameAs'] = [
		BROADSHEET_DEV_YOAST_FACEBOOK_PAGE,
		'https://x.com/' . BROADSHEET_DEV_YOAST_TWITTER_SITE,
	];

	return $node;
}

/**
 * Person node for a post's author.
 *
 * @param WP_User $user Author.
 * @return array
 */
function broadsheet_dev_yoast_schema_person( WP_User $user ) {
	$site = broadsheet_dev_yoast_site();
	$name = broadsheet_dev_yoast_plain( $user->display_name );

	$node = [
		'@type' => 'Person',
		'@id'   => broadsheet_dev_yoast_person_id( $user ),
		'name'  => $name,
	];

	// Like Yoast, the avatar is only exposed when the site shows avatars.
	$avatar = get_option( 'show_avatars' ) ? get_avatar_url( $user->ID ) : '';
	if ( is_string( $avatar ) && '' !== $avatar ) {
		$node['image'] = [
			'@type'      => 'ImageObject',
			'inLanguage' => $site['language'],
			'@id'        => $site['url'] . '#/schema/person/image/' . md5( $avatar ),
			'url'        => $avatar,
			'contentUrl' => $avatar,
			'caption'    => $name,
		];
	}

	$bio = broadsheet_dev_yoast_plain( get_user_meta( $user->ID, 'description', true ) );
	if ( '' !== $bio ) {
		$node['description'] = $bio;
	}

	$handle = broadsheet_dev_yoast_twitter_handle( $user->ID );
	if ( '' !== $handle ) {
		$node['sameAs'] = [ 'https://x.com/' . substr( $handle, 1 ) ];
	}

	$node['url'] = get_author_posts_url( $user->ID, $user->user_nicename );

	return $node;
}

/**
 * A user's schema @id.
 *
 * Yoast hashes login + ID (salted) so logins never show in public markup.
 *
 * @param WP_User $user User.
 * @return string
 */
function broadsheet_dev_yoast_person_id( WP_User $user ) {
	return home_url( '/' ) . '#/schema/person/' . wp_hash( $user->user_login . $user->ID );
}

/* -------------------------------------------------------------------------
 * HTML (yoast_head)
 * ---------------------------------------------------------------------- */

/**
 * Renders head data as Yoast's HTML block, one tag a line, in data order.
 *
 * Rendering straight from the JSON keeps the two representations consistent
 * by construction.
 *
 * @param array $json Head data.
 * @return string
 */
function broadsheet_dev_yoast_render_html( array $json ) {
	$lines = [
		'<!-- This site is optimized with the Yoast SEO plugin v' . BROADSHEET_DEV_YOAST_VERSION . ' - https://yoast.com/wordpress/plugins/seo/ -->',
	];
	foreach ( $json as $key => $value ) {
		foreach ( broadsheet_dev_yoast_render_key( $key, $value ) as $line ) {
			$lines[] = $line;
		}
	}
	$lines[] = '<!-- / Yoast SEO plugin. -->';

	return implode( "\n", $lines );
}

/**
 * The HTML lines for one head key.
 *
 * @param string $key   Key in yoast_head_json.
 * @param mixed  $value Its value.
 * @return string[]
 */
function broadsheet_dev_yoast_render_key( $key, $value ) {
	// JSON key => [ attribute, name, is URL ].
	$simple = [
		'description'            => [ 'name', 'description', false ],
		'og_locale'              => [ 'property', 'og:locale', false ],
		'og_type'                => [ 'property', 'og:type', false ],
		'og_title'               => [ 'property', 'og:title', false ],
		'og_description'         => [ 'property', 'og:description', false ],
		'og_url'                 => [ 'property', 'og:url', true ],
		'og_site_name'           => [ 'property', 'og:site_name', false ],
		'article_publisher'      => [ 'property', 'article:publisher', true ],
		'article_author'         => [ 'property', 'article:author', true ],
		'article_published_time' => [ 'property', 'article:published_time', false ],
		'article_modified_time'  => [ 'property', 'article:modified_time', false ],
		'author'                 => [ 'name', 'author', false ],
		'twitter_card'           => [ 'name', 'twitter:card', false ],
		'twitter_creator'        => [ 'name', 'twitter:creator', false ],
		'twitter_site'           => [ 'name', 'twitter:site', false ],
	];

	if ( isset( $simple[ $key ] ) ) {
		list( $attribute, $name, $is_url ) = $simple[ $key ];
		return [ broadsheet_dev_yoast_meta_tag( $attribute, $name, $is_url ? esc_url( $value ) : esc_attr( $value ) ) ];
	}

	switch ( $key ) {
		case 'title':
			return [ '<title>' . esc_html( $value ) . '</title>' ];

		case 'robots':
			return [ broadsheet_dev_yoast_meta_tag( 'name', 'robots', esc_attr( implode( ', ', $value ) ) ) ];

		case 'canonical':
			return [ '<link rel="canonical" href="' . esc_url( $value ) . '" />' ];

		case 'prev':
		case 'next':
			return [ '<link rel="' . $key . '" href="' . esc_url( $value ) . '" />' ];

		case 'og_image':
			return broadsheet_dev_yoast_render_og_images( $value );

		case 'twitter_misc':
			return broadsheet_dev_yoast_render_twitter_misc( $value );

		case 'schema':
			return [ '<script type="application/ld+json" class="yoast-schema-graph">' . broadsheet_dev_yoast_encode_schema( $value ) . '</script>' ];
	}

	return [];
}

/**
 * og:image tags for each image.
 *
 * @param array $images og_image entries.
 * @return string[]
 */
function broadsheet_dev_yoast_render_og_images( array $images ) {
	$lines = [];
	foreach ( $images as $image ) {
		$lines[] = broadsheet_dev_yoast_meta_tag( 'property', 'og:image', esc_url( $image['url'] ) );
		foreach ( [ 'width', 'height', 'type' ] as $field ) {
			if ( isset( $image[ $field ] ) ) {
				$lines[] = broadsheet_dev_yoast_meta_tag( 'property', 'og:image:' . $field, esc_attr( (string) $image[ $field ] ) );
			}
		}
	}
	return $lines;
}

/**
 * twitter:labelN / twitter:dataN pairs.
 *
 * @param array $misc Label => value.
 * @return string[]
 */
function broadsheet_dev_yoast_render_twitter_misc( array $misc ) {
	$lines = [];
	$i     = 1;
	foreach ( $misc as $label => $data ) {
		$lines[] = broadsheet_dev_yoast_meta_tag( 'name', 'twitter:label' . $i, esc_attr( $label ) );
		$lines[] = broadsheet_dev_yoast_meta_tag( 'name', 'twitter:data' . $i, esc_attr( $data ) );
		++$i;
	}
	return $lines;
}

/**
 * A <meta> tag in Yoast's format.
 *
 * @param string $attribute       "name" or "property".
 * @param string $name            Attribute value (trusted constant).
 * @param string $escaped_content Already-escaped content.
 * @return string
 */
function broadsheet_dev_yoast_meta_tag( $attribute, $name, $escaped_content ) {
	return '<meta ' . $attribute . '="' . $name . '" content="' . $escaped_content . '" />';
}

/**
 * JSON for the ld+json script.
 *
 * JSON_HEX_TAG turns "<" and ">" into \u003C / \u003E, so no string value
 * (a title, a bio) can close the script element; the decoded data is unchanged.
 *
 * @param array $schema Schema graph.
 * @return string
 */
function broadsheet_dev_yoast_encode_schema( array $schema ) {
	$encoded = wp_json_encode( $schema, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_HEX_TAG );
	return is_string( $encoded ) ? $encoded : '{}';
}

/* -------------------------------------------------------------------------
 * Text, dates, images, people
 * ---------------------------------------------------------------------- */

/**
 * Plain text: tags stripped, entities decoded, whitespace collapsed.
 *
 * All JSON values are plain text and the HTML escapes them on output, which
 * is what keeps both "the same string after entity decoding". Tags are
 * stripped before decoding so an encoded "&lt;b&gt;" survives as text.
 *
 * @param mixed $text Raw text.
 * @return string
 */
function broadsheet_dev_yoast_plain( $text ) {
	$text      = html_entity_decode( wp_strip_all_tags( (string) $text ), ENT_QUOTES | ENT_HTML5, 'UTF-8' );
	$collapsed = preg_replace( '/\s+/u', ' ', $text );
	// preg_* return null on invalid UTF-8; keep the text rather than lose it.
	return trim( null === $collapsed ? $text : $collapsed );
}

/**
 * A post's title as plain text, with WordPress' "(no title)" fallback.
 *
 * @param WP_Post|null $post Post.
 * @return string
 */
function broadsheet_dev_yoast_post_title( $post ) {
	$title = $post instanceof WP_Post ? broadsheet_dev_yoast_plain( $post->post_title ) : '';
	return '' !== $title ? $title : __( '(no title)' );
}

/**
 * Replaces the Yoast snippet variables used in titles and descriptions.
 *
 * Supports the common ones; unknown variables are dropped, as Yoast drops
 * variables it cannot fill. Gaps and stranded separators are tidied up.
 *
 * @param string       $template Text with %%variables%%.
 * @param WP_Post|null $post     Post the text belongs to.
 * @return string
 */
function broadsheet_dev_yoast_replace_vars( $template, $post = null ) {
	$template = broadsheet_dev_yoast_plain( $template );
	if ( false === strpos( $template, '%%' ) ) {
		return $template;
	}

	$site = broadsheet_dev_yoast_site();
	$vars = [
		'sitename' => $site['name'],
		'sitedesc' => $site['tagline'],
		'sep'      => BROADSHEET_DEV_YOAST_SEPARATOR,
		'page'     => '',
	];
	if ( $post instanceof WP_Post ) {
		$categories = broadsheet_dev_yoast_term_names( $post->ID, 'category' );
		$author     = get_userdata( (int) $post->post_author );

		$vars['title']            = broadsheet_dev_yoast_post_title( $post );
		$vars['excerpt']          = broadsheet_dev_yoast_excerpt( $post );
		$vars['category']         = implode( ', ', $categories );
		$vars['primary_category'] = $categories ? $categories[0] : '';
		$vars['name']             = $author instanceof WP_User ? broadsheet_dev_yoast_plain( $author->display_name ) : '';
	}

	$text = preg_replace_callback(
		'/%%([a-z0-9_]+)%%/i',
		function ( $match ) use ( $vars ) {
			$name = strtolower( $match[1] );
			return isset( $vars[ $name ] ) ? $vars[ $name ] : '';
		},
		$template
	);
	if ( null === $text ) {
		return $template;
	}

	$text = trim( (string) preg_replace( '/\s+/u', ' ', $text ) );
	$sep  = preg_quote( BROADSHEET_DEV_YOAST_SEPARATOR, '/' );
	$text = (string) preg_replace( '/^(?:' . $sep . '(?:\s+|$))+|(?:(?:^|\s+)' . $sep . ')+$/u', '', $text );

	return trim( $text );
}

/**
 * The manual excerpt, or an automatic one from the content (55 words, as WordPress does).
 *
 * @param WP_Post $post Post.
 * @return string
 */
function broadsheet_dev_yoast_excerpt( WP_Post $post ) {
	$manual = broadsheet_dev_yoast_plain( $post->post_excerpt );
	if ( '' !== $manual ) {
		return $manual;
	}
	// The head is public even when the body is behind a password; don't leak it.
	if ( '' !== $post->post_password ) {
		return '';
	}
	return wp_trim_words( broadsheet_dev_yoast_content_text( $post ), 55, "\u{2026}" );
}

/**
 * The post body as plain text, for word counts and automatic excerpts.
 *
 * @param WP_Post $post Post.
 * @return string
 */
function broadsheet_dev_yoast_content_text( WP_Post $post ) {
	$html = strip_shortcodes( $post->post_content );
	$html = (string) preg_replace( '@<(script|style)[^>]*?>.*?</\\1>@si', ' ', $html );
	// Tags become spaces so "<li>one</li><li>two</li>" stays two words.
	$html = (string) preg_replace( '/<[^>]*>/', ' ', $html );
	return broadsheet_dev_yoast_plain( $html );
}

/**
 * Number of words in the post body.
 *
 * @param WP_Post $post Post.
 * @return int
 */
function broadsheet_dev_yoast_word_count( WP_Post $post ) {
	$text = broadsheet_dev_yoast_content_text( $post );
	if ( '' === $text ) {
		return 0;
	}
	// Letters/digits, allowing inner apostrophes and hyphens ("don't", "well-known").
	$count = preg_match_all( "/[\\p{L}\\p{N}]+(?:['\\x{2019}-][\\p{L}\\p{N}]+)*/u", $text );
	return is_int( $count ) ? $count : 0;
}

/**
 * Yoast's reading-time string: words / 200, rounded up, at least 1.
 *
 * @param int $words Word count.
 * @return string "1 minute" or "N minutes".
 */
function broadsheet_dev_yoast_reading_time( $words ) {
	$minutes = max( 1, (int) ceil( $words / BROADSHEET_DEV_YOAST_WORDS_PER_MINUTE ) );
	return 1 === $minutes ? '1 minute' : $minutes . ' minutes';
}

/**
 * A GMT MySQL datetime as ISO 8601 with "+00:00", as Yoast formats dates.
 *
 * Drafts have a zero GMT date; the local date converted to GMT stands in.
 *
 * @param string $gmt   GMT datetime (may be 0000-00-00 00:00:00).
 * @param string $local Local datetime.
 * @return string
 */
function broadsheet_dev_yoast_w3c_date( $gmt, $local ) {
	if ( empty( $gmt ) || '0000-00-00 00:00:00' === $gmt ) {
		$gmt = get_gmt_from_date( $local );
	}
	$timestamp = strtotime( $gmt . ' UTC' );
	return gmdate( DATE_W3C, false === $timestamp ? 0 : $timestamp );
}

/**
 * Names of a post's terms in a taxonomy, as plain text.
 *
 * @param int    $post_id  Post ID.
 * @param string $taxonomy Taxonomy.
 * @return string[]
 */
function broadsheet_dev_yoast_term_names( $post_id, $taxonomy ) {
	$terms = get_the_terms( $post_id, $taxonomy );
	if ( ! is_array( $terms ) ) {
		return [];
	}
	$names = [];
	foreach ( $terms as $term ) {
		$names[] = broadsheet_dev_yoast_plain( $term->name );
	}
	return $names;
}

/**
 * The featured image of a post, or null.
 *
 * @param WP_Post $post Post.
 * @return array|null
 */
function broadsheet_dev_yoast_featured_image( WP_Post $post ) {
	$id = (int) get_post_thumbnail_id( $post );
	return $id > 0 ? broadsheet_dev_yoast_attachment_image( $id ) : null;
}

/**
 * Full-size image data of an attachment, or null if it isn't an image.
 *
 * @param int $attachment_id Attachment ID.
 * @return array{id:int,url:string,width:int,height:int,type:string,caption:string}|null
 */
function broadsheet_dev_yoast_attachment_image( $attachment_id ) {
	$src = wp_get_attachment_image_src( $attachment_id, 'full' );
	if ( ! is_array( $src ) || empty( $src[0] ) ) {
		return null;
	}

	// Yoast captions images with the caption, falling back to the alt text.
	$caption = broadsheet_dev_yoast_plain( wp_get_attachment_caption( $attachment_id ) );
	if ( '' === $caption ) {
		$caption = broadsheet_dev_yoast_plain( get_post_meta( $attachment_id, '_wp_attachment_image_alt', true ) );
	}

	return [
		'id'      => (int) $attachment_id,
		'url'     => (string) $src[0],
		'width'   => (int) $src[1],
		'height'  => (int) $src[2],
		'type'    => (string) get_post_mime_type( $attachment_id ),
		'caption' => $caption,
	];
}

/**
 * A user's Twitter/X handle as "@handle", or '' when unset or unusable.
 *
 * Yoast's `twitter` user meta holds a bare handle, but people paste "@name"
 * or profile URLs, so all three are accepted.
 *
 * @param int $user_id User ID.
 * @return string
 */
function broadsheet_dev_yoast_twitter_handle( $user_id ) {
	$raw    = trim( (string) get_user_meta( $user_id, 'twitter', true ) );
	$handle = (string) preg_replace( '#^(?:https?://)?(?:www\.)?(?:twitter|x)\.com/#i', '', $raw );
	$handle = trim( $handle, "@/ \t" );
	return preg_match( '/^[A-Za-z0-9_]{1,15}$/', $handle ) ? '@' . $handle : '';
}

/* -------------------------------------------------------------------------
 * Archives: categories, tags, authors and the paginated home page
 * ---------------------------------------------------------------------- */

/**
 * Adds `yoast_head` and `yoast_head_json` to categories, tags, event series and
 * users, for the ones that carry a recorded marker (term or user meta
 * `_broadsheet_dev_yoast`); the rest get null so the frontend's own archive head
 * is exercised too.
 */
function broadsheet_dev_yoast_register_archive_fields() {
	// REST object type => the archive kind it describes. WordPress names the tag
	// object type "tag" (its schema title), though the taxonomy is post_tag; a
	// custom taxonomy's object type is its name.
	$targets = [
		'category' => 'category',
		'tag'      => 'post_tag',
		'user'     => 'author',
	];
	if ( taxonomy_exists( 'event_series' ) ) {
		$targets['event_series'] = 'event_series';
	}
	foreach ( $targets as $object_type => $kind ) {
		foreach ( [ 'yoast_head', 'yoast_head_json' ] as $field ) {
			register_rest_field(
				$object_type,
				$field,
				[
					'get_callback' => function ( $item ) use ( $kind, $field ) {
						$id   = isset( $item['id'] ) ? (int) $item['id'] : 0;
						$head = broadsheet_dev_yoast_archive_head( $kind, $id, 1 );
						if ( null === $head ) {
							return null;
						}
						return 'yoast_head' === $field ? $head['html'] : $head['json'];
					},
					'schema'       => [
						'description' => 'Yoast SEO head (development stand-in).',
						'type'        => 'yoast_head' === $field ? [ 'string', 'null' ] : [ 'object', 'null' ],
						'context'     => [ 'view', 'edit', 'embed' ],
						'readonly'    => true,
					],
				]
			);
		}
	}
}

/**
 * Whether a term (category, tag, event series) or author carries the recorded marker.
 *
 * @param string $kind A taxonomy, or 'author'.
 * @param int    $id   Term or user ID.
 * @return bool
 */
function broadsheet_dev_yoast_archive_has_record( $kind, $id ) {
	return 'author' === $kind
		? (bool) get_user_meta( $id, '_broadsheet_dev_yoast', true )
		: (bool) get_term_meta( $id, '_broadsheet_dev_yoast', true );
}

/**
 * The head of page $page of an archive ('home', or a term or author by ID), or null
 * when the archive has no recorded data or no such page.
 *
 * @param string $kind 'home', 'author' or a taxonomy ('category', 'post_tag', 'event_series').
 * @param int    $id   Term or user ID (0 for home).
 * @param int    $page 1-based page number.
 * @return array{html:string,json:array}|null
 */
function broadsheet_dev_yoast_archive_head( $kind, $id, $page ) {
	$site     = broadsheet_dev_yoast_site();
	$per_page = max( 1, (int) get_option( 'posts_per_page' ) );
	$query    = [
		'post_type'      => 'post',
		'post_status'    => 'publish',
		'posts_per_page' => 1,
		'fields'         => 'ids',
	];

	if ( 'home' === $kind ) {
		$name     = $site['name'];
		$base_url = $site['url'];
		$template = '%%sitename%% %%page%% %%sep%% %%sitedesc%%';
		$trail    = [];
	} elseif ( 'author' === $kind ) {
		$user = get_userdata( $id );
		if ( ! $user instanceof WP_User || ! broadsheet_dev_yoast_archive_has_record( 'author', $id ) ) {
			return null;
		}
		$name            = broadsheet_dev_yoast_plain( $user->display_name );
		$base_url        = get_author_posts_url( $user->ID, $user->user_nicename );
		$template        = '%%name%%, Author at %%sitename%% %%page%%';
		$trail           = [ [ 'name' => 'Archives for ' . $name, 'url' => null ] ];
		$query['author'] = $user->ID;
	} else {
		$term = get_term( $id, $kind );
		if ( ! $term instanceof WP_Term || ! broadsheet_dev_yoast_archive_has_record( $kind, $id ) ) {
			return null;
		}
		$name      = broadsheet_dev_yoast_plain( $term->name );
		$base_url  = (string) get_term_link( $term );
		$template  = '%%term_title%% Archives %%page%% %%sep%% %%sitename%%';
		$trail     = [];
		$ancestors = is_taxonomy_hierarchical( $kind ) ? array_reverse( get_ancestors( $term->term_id, $kind, 'taxonomy' ) ) : [];
		foreach ( $ancestors as $ancestor_id ) {
			$ancestor = get_term( $ancestor_id, $kind );
			if ( $ancestor instanceof WP_Term ) {
				$trail[] = [
					'name' => broadsheet_dev_yoast_plain( $ancestor->name ),
					'url'  => (string) get_term_link( $ancestor ),
				];
			}
		}
		$trail[] = [ 'name' => $name, 'url' => null ];
		// A term archive lists what its taxonomy classifies: posts, or events for a series.
		$query['post_type'] = get_taxonomy( $kind )->object_type;
		$query['tax_query'] = [
			[
				'taxonomy' => $kind,
				'terms'    => [ $term->term_id ],
			],
		];
	}

	$total_pages = max( 1, (int) ceil( ( new WP_Query( $query ) )->found_posts / $per_page ) );
	if ( $page < 1 || $page > $total_pages ) {
		return null;
	}
	$page_url = function ( $number ) use ( $base_url ) {
		return 1 === $number ? $base_url : trailingslashit( $base_url ) . 'page/' . $number . '/';
	};
	$canonical = $page_url( $page );
	$title     = broadsheet_dev_yoast_replace_archive_vars( $template, $name, $page, $total_pages );

	$json = [ 'title' => $title ];
	if ( 'home' === $kind && '' !== $site['tagline'] ) {
		$json['description'] = $site['tagline'];
	} elseif ( isset( $term ) && $term instanceof WP_Term && '' !== broadsheet_dev_yoast_plain( $term->description ) ) {
		$json['description'] = broadsheet_dev_yoast_plain( $term->description );
	}
	$json['robots']    = broadsheet_dev_yoast_robots();
	$json['canonical'] = $canonical;
	if ( $page > 1 ) {
		$json['prev'] = $page_url( $page - 1 );
	}
	if ( $page < $total_pages ) {
		$json['next'] = $page_url( $page + 1 );
	}
	$json['og_locale'] = $site['locale'];
	$json['og_type']   = 'home' === $kind ? 'website' : ( 'author' === $kind ? 'profile' : 'article' );
	$json['og_title']  = $title;
	if ( isset( $json['description'] ) ) {
		$json['og_description'] = $json['description'];
	}
	$json['og_url']       = $canonical;
	$json['og_site_name'] = $site['name'];
	if ( 'author' === $kind && isset( $user ) && get_option( 'show_avatars' ) ) {
		$avatar = get_avatar_url( $user->ID, [ 'size' => 500 ] );
		if ( is_string( $avatar ) && '' !== $avatar ) {
			$json['og_image'] = [ [ 'url' => $avatar ] ];
		}
	}
	$json['twitter_card'] = 'summary_large_image';
	$json['twitter_site'] = '@' . BROADSHEET_DEV_YOAST_TWITTER_SITE;
	$json['schema']       = 'home' === $kind && 1 === $page
		? broadsheet_dev_yoast_home_schema( $title )
		: broadsheet_dev_yoast_archive_schema( $kind, $canonical, $title, $trail, isset( $user ) ? $user : null );

	return [
		'html' => broadsheet_dev_yoast_render_html( $json ),
		'json' => $json,
	];
}

/**
 * Fills an archive title template: %%term_title%% / %%name%% with the archive's
 * name, %%page%% with " - Page N of M" beyond the first page, as Yoast does.
 *
 * @param string $template    Title template.
 * @param string $name        Term or author name.
 * @param int    $page        Page number.
 * @param int    $total_pages Number of pages.
 * @return string
 */
function broadsheet_dev_yoast_replace_archive_vars( $template, $name, $page, $total_pages ) {
	$page_text = $page > 1 ? BROADSHEET_DEV_YOAST_SEPARATOR . ' Page ' . $page . ' of ' . $total_pages : '';
	$filled    = strtr(
		$template,
		[
			'%%term_title%%' => $name,
			'%%name%%'       => $name,
			'%%page%%'       => $page_text,
		]
	);
	return broadsheet_dev_yoast_replace_vars( $filled );
}

/**
 * The schema graph of an archive page: CollectionPage (ProfilePage for an author,
 * with the Person as its main entity), breadcrumbs, WebSite and Organization.
 *
 * @param string       $kind      'home', 'category', 'post_tag' or 'author'.
 * @param string       $canonical The page's URL.
 * @param string       $title     The page's title.
 * @param array        $trail     Breadcrumbs after Home.
 * @param WP_User|null $user      The author, for an author archive.
 * @return array
 */
function broadsheet_dev_yoast_archive_schema( $kind, $canonical, $title, array $trail, $user ) {
	$site = broadsheet_dev_yoast_site();
	$page = [
		'@type'      => 'author' === $kind ? 'ProfilePage' : 'CollectionPage',
		'@id'        => $canonical,
		'url'        => $canonical,
		'name'       => $title,
		'isPartOf'   => [ '@id' => $site['url'] . '#website' ],
		'breadcrumb' => [ '@id' => $canonical . '#breadcrumb' ],
		'inLanguage' => $site['language'],
	];
	$people = [];
	if ( 'author' === $kind && $user instanceof WP_User ) {
		$page['mainEntity'] = [ '@id' => broadsheet_dev_yoast_person_id( $user ) ];
		$people[]           = broadsheet_dev_yoast_schema_person( $user );
	}
	$crumbs = array_merge(
		[
			[
				'name' => 'Home',
				'url'  => $site['url'],
			],
		],
		$trail ? $trail : [ [ 'name' => $title, 'url' => null ] ]
	);

	return [
		'@context' => 'https://schema.org',
		'@graph'   => array_merge(
			[
				$page,
				broadsheet_dev_yoast_schema_breadcrumbs( $canonical, $crumbs ),
				broadsheet_dev_yoast_schema_website(),
				broadsheet_dev_yoast_schema_organization(),
			],
			$people
		),
	];
}

/**
 * Resolves an archive URL's path to [kind, id, page], or null. Understands
 * WordPress's default bases: /category/a/b/, /tag/x/, /author/x/, and the dev
 * site's /series/a/b/, each (and the home page) with an optional /page/N/.
 *
 * @param string $path URL path relative to the site's home.
 * @return array{0:string,1:int,2:int}|null
 */
function broadsheet_dev_yoast_resolve_archive_path( $path ) {
	$page = 1;
	if ( preg_match( '#^(.*?)/page/(\d+)/?$#', $path, $match ) ) {
		$path = $match[1];
		$page = (int) $match[2];
	}
	$path = trim( $path, '/' );
	if ( '' === $path ) {
		return [ 'home', 0, $page ];
	}
	$segments = explode( '/', $path );
	$base     = array_shift( $segments );
	$slug     = rawurldecode( (string) end( $segments ) );
	if ( 'category' === $base && $segments ) {
		$term = get_category_by_path( implode( '/', array_map( 'rawurldecode', $segments ) ), true );
		return $term instanceof WP_Term ? [ 'category', $term->term_id, $page ] : null;
	}
	if ( 'tag' === $base && 1 === count( $segments ) ) {
		$term = get_term_by( 'slug', $slug, 'post_tag' );
		return $term instanceof WP_Term ? [ 'post_tag', $term->term_id, $page ] : null;
	}
	if ( 'author' === $base && 1 === count( $segments ) ) {
		$user = get_user_by( 'slug', $slug );
		return $user instanceof WP_User ? [ 'author', $user->ID, $page ] : null;
	}
	if ( 'series' === $base && $segments && taxonomy_exists( 'event_series' ) ) {
		// /series/<parent>/<child>/: the term is the last slug, if its own link is this path.
		$term = get_term_by( 'slug', $slug, 'event_series' );
		$link = $term instanceof WP_Term ? get_term_link( $term ) : '';
		return is_string( $link ) && trim( broadsheet_dev_yoast_home_relative_path( $link ), '/' ) === $path
			? [ 'event_series', $term->term_id, $page ]
			: null;
	}
	return null;
}
