<?php
/**
 * Settings → Broadsheet.
 *
 * @package Broadsheet
 */

defined( 'ABSPATH' ) || exit;

/**
 * The settings page, built on the Settings API so WordPress handles the nonce, the capability
 * check and saving (the form posts to options.php).
 */
final class Broadsheet_Settings {

	/** Menu slug and Settings API page. */
	const PAGE = 'broadsheet';

	/** Settings API option group; options.php checks its nonce ("broadsheet-options"). */
	const GROUP = 'broadsheet';

	/** Checkbox that removes the stored secret (an empty field means "keep it"). */
	const CLEAR_SECRET_FIELD = 'broadsheet_clear_secret';

	/** Not instantiable: a namespace for static methods. */
	private function __construct() {}

	/** Hooks the page into the admin. */
	public static function register() {
		add_action( 'admin_menu', array( __CLASS__, 'add_page' ) );
		add_action( 'admin_init', array( __CLASS__, 'register_settings' ) );
	}

	/** Adds Settings → Broadsheet for administrators. */
	public static function add_page() {
		add_options_page(
			__( 'Broadsheet', 'broadsheet' ),
			__( 'Broadsheet', 'broadsheet' ),
			'manage_options',
			self::PAGE,
			array( __CLASS__, 'render_page' )
		);
	}

	/** Declares the two options, their sanitizers and their fields. */
	public static function register_settings() {
		register_setting(
			self::GROUP,
			Broadsheet_Plugin::OPTION_FRONTEND_URL,
			array(
				'type'              => 'string',
				'default'           => '',
				'show_in_rest'      => false,
				'sanitize_callback' => array( __CLASS__, 'sanitize_frontend_url' ),
			)
		);
		register_setting(
			self::GROUP,
			Broadsheet_Plugin::OPTION_SECRET,
			array(
				'type'              => 'string',
				'default'           => '',
				// Never expose the secret through /wp/v2/settings.
				'show_in_rest'      => false,
				'sanitize_callback' => array( __CLASS__, 'sanitize_secret' ),
			)
		);

		add_settings_section(
			'broadsheet_connection',
			__( 'Connection to the frontend', 'broadsheet' ),
			array( __CLASS__, 'render_section' ),
			self::PAGE
		);
		add_settings_field(
			Broadsheet_Plugin::OPTION_FRONTEND_URL,
			__( 'Frontend URL', 'broadsheet' ),
			array( __CLASS__, 'render_frontend_url_field' ),
			self::PAGE,
			'broadsheet_connection',
			array( 'label_for' => Broadsheet_Plugin::OPTION_FRONTEND_URL )
		);
		add_settings_field(
			Broadsheet_Plugin::OPTION_SECRET,
			__( 'Shared secret', 'broadsheet' ),
			array( __CLASS__, 'render_secret_field' ),
			self::PAGE,
			'broadsheet_connection',
			array( 'label_for' => Broadsheet_Plugin::OPTION_SECRET )
		);
	}

	/**
	 * Keeps the stored URL when the submitted one is invalid, so a typo cannot switch the
	 * plugin off unnoticed; an empty value clears it.
	 *
	 * @param mixed $value Submitted value.
	 * @return string
	 */
	public static function sanitize_frontend_url( $value ) {
		$url = Broadsheet_Plugin::normalize_frontend_url( is_string( $value ) ? $value : '' );
		if ( '' === $url || Broadsheet_Plugin::is_valid_frontend_url( $url ) ) {
			return $url;
		}
		add_settings_error(
			Broadsheet_Plugin::OPTION_FRONTEND_URL,
			'broadsheet_invalid_url',
			__( 'The frontend URL must be an http(s) origin such as https://www.example.com; the previous value was kept.', 'broadsheet' )
		);
		return (string) get_option( Broadsheet_Plugin::OPTION_FRONTEND_URL, '' );
	}

	/**
	 * The field is never filled in with the stored secret, so an empty submission means
	 * "keep the current one"; the clear checkbox removes it. Only trimming is applied:
	 * sanitize_text_field() would strip characters (e.g. "%ab") and silently break signatures.
	 *
	 * @param mixed $value Submitted value.
	 * @return string
	 */
	public static function sanitize_secret( $value ) {
		$current = (string) get_option( Broadsheet_Plugin::OPTION_SECRET, '' );

		// options.php has verified the nonce and capability before sanitizers run.
		if ( ! empty( $_POST[ self::CLEAR_SECRET_FIELD ] ) ) { // phpcs:ignore WordPress.Security.NonceVerification.Missing
			return '';
		}

		$secret = is_string( $value ) ? trim( preg_replace( '/[\x00-\x1F\x7F]/', '', $value ) ) : '';
		if ( '' === $secret ) {
			return $current;
		}
		if ( strlen( $secret ) < Broadsheet_Plugin::MIN_SECRET_LENGTH ) {
			add_settings_error(
				Broadsheet_Plugin::OPTION_SECRET,
				'broadsheet_short_secret',
				sprintf(
					/* translators: %d: minimum length. */
					__( 'The shared secret must have at least %d characters; the previous value was kept.', 'broadsheet' ),
					Broadsheet_Plugin::MIN_SECRET_LENGTH
				)
			);
			return $current;
		}
		return $secret;
	}

	/** Explains where the values go and that constants win. */
	public static function render_section() {
		echo '<p>' . esc_html__( 'Broadsheet sends a signed request to the frontend whenever published content changes, and opens previews on the frontend. Both values must match the frontend\'s configuration.', 'broadsheet' ) . '</p>';
		echo '<p>' . esc_html__( 'Values defined as constants in wp-config.php (BROADSHEET_FRONTEND_URL, BROADSHEET_SECRET) take precedence and cannot be changed here.', 'broadsheet' ) . '</p>';
	}

	/** The URL field, read-only when the constant is defined. */
	public static function render_frontend_url_field() {
		$from_constant = Broadsheet_Plugin::is_constant( 'BROADSHEET_FRONTEND_URL' );
		$value         = $from_constant
			? Broadsheet_Plugin::frontend_url()
			: (string) get_option( Broadsheet_Plugin::OPTION_FRONTEND_URL, '' );

		printf(
			'<input type="url" class="regular-text code" id="%1$s" name="%1$s" value="%2$s" placeholder="https://www.example.com" %3$s />',
			esc_attr( Broadsheet_Plugin::OPTION_FRONTEND_URL ),
			esc_attr( $value ),
			disabled( $from_constant, true, false )
		);
		if ( $from_constant ) {
			echo '<p class="description">' . esc_html__( 'Set by BROADSHEET_FRONTEND_URL in wp-config.php.', 'broadsheet' ) . '</p>';
		} else {
			echo '<p class="description">' . esc_html__( 'The public origin of the Broadsheet site, without a trailing slash. Webhooks go to /api/revalidate and previews to /api/preview on it.', 'broadsheet' ) . '</p>';
		}
	}

	/**
	 * The secret field. It is a password input that is always rendered empty; the saved
	 * secret is only described by its length and last four characters, so it never appears
	 * in the page source.
	 */
	public static function render_secret_field() {
		$from_constant = Broadsheet_Plugin::is_constant( 'BROADSHEET_SECRET' );
		$secret        = $from_constant
			? Broadsheet_Plugin::secret()
			: (string) get_option( Broadsheet_Plugin::OPTION_SECRET, '' );

		printf(
			'<input type="password" class="regular-text code" id="%1$s" name="%1$s" value="" autocomplete="new-password" spellcheck="false" placeholder="%2$s" %3$s />',
			esc_attr( Broadsheet_Plugin::OPTION_SECRET ),
			esc_attr( '' === $secret ? __( 'Not set', 'broadsheet' ) : __( 'Saved — leave empty to keep it', 'broadsheet' ) ),
			disabled( $from_constant, true, false )
		);

		if ( '' !== $secret ) {
			echo '<p class="description">';
			printf(
				/* translators: 1: masked secret, 2: its length. */
				esc_html__( 'Current secret: %1$s (%2$d characters).', 'broadsheet' ),
				'<code>' . esc_html( self::mask( $secret ) ) . '</code>',
				(int) strlen( $secret )
			);
			if ( $from_constant ) {
				echo ' ' . esc_html__( 'Set by BROADSHEET_SECRET in wp-config.php.', 'broadsheet' );
			}
			echo '</p>';
		}

		if ( ! $from_constant ) {
			echo '<p class="description">' . esc_html(
				sprintf(
					/* translators: %d: recommended length. */
					__( 'Use at least %d random characters, and give the frontend the same value (BROADSHEET_SECRET).', 'broadsheet' ),
					Broadsheet_Plugin::RECOMMENDED_SECRET_LENGTH
				)
			) . '</p>';
			if ( '' !== $secret ) {
				printf(
					'<p><label><input type="checkbox" name="%1$s" value="1" /> %2$s</label></p>',
					esc_attr( self::CLEAR_SECRET_FIELD ),
					esc_html__( 'Remove the saved secret (switches Broadsheet off).', 'broadsheet' )
				);
			}
		}
	}

	/** Renders the page; options.php does the saving. */
	public static function render_page() {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		$configured = Broadsheet_Plugin::is_configured();
		?>
		<div class="wrap">
			<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
			<p>
				<?php
				echo $configured
					? esc_html__( 'Status: active — content changes are sent to the frontend and previews open there.', 'broadsheet' )
					: esc_html__( 'Status: inactive — complete the settings below.', 'broadsheet' );
				?>
			</p>
			<form action="<?php echo esc_url( admin_url( 'options.php' ) ); ?>" method="post">
				<?php
				settings_fields( self::GROUP );
				do_settings_sections( self::PAGE );
				// With both values in wp-config.php there is nothing to save here.
				if ( ! Broadsheet_Plugin::is_constant( 'BROADSHEET_FRONTEND_URL' ) || ! Broadsheet_Plugin::is_constant( 'BROADSHEET_SECRET' ) ) {
					submit_button();
				}
				?>
			</form>
		</div>
		<?php
	}

	/**
	 * Bullets and the last four characters: enough to tell two secrets apart, too little to
	 * help anyone reconstruct a 32+ character secret.
	 *
	 * @param string $secret The secret.
	 * @return string
	 */
	private static function mask( $secret ) {
		$visible = strlen( $secret ) >= Broadsheet_Plugin::MIN_SECRET_LENGTH ? substr( $secret, -4 ) : '';
		return str_repeat( '•', 12 ) . $visible;
	}
}
