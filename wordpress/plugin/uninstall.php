<?php
/**
 * Removes what the plugin stored when an operator deletes it from the Plugins screen.
 *
 * Constants in wp-config.php are the operator's own and are left alone.
 *
 * @package Broadsheet
 */

// WordPress defines this only while running a plugin's uninstall routine.
defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'broadsheet_frontend_url' );
delete_option( 'broadsheet_secret' );
