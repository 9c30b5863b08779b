<?php
/**
 * Plugin Name:       Broadsheet
 * Description:       Companion plugin for the Broadsheet frontend: sends signed webhooks when content changes so the frontend stays fresh, and sends editors' previews to the frontend, and tells it which kinds of content the site has.
 * Version:           0.1.0
 * Requires at least: 6.0
 * Requires PHP:      7.4
 * Author:            Broadsheet
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       broadsheet
 *
 * @package Broadsheet
 */

// Loaded only by WordPress; a direct request to this file must do nothing.
defined( 'ABSPATH' ) || exit;

require_once __DIR__ . '/includes/class-broadsheet-plugin.php';
require_once __DIR__ . '/includes/class-broadsheet-settings.php';
require_once __DIR__ . '/includes/class-broadsheet-webhooks.php';
require_once __DIR__ . '/includes/class-broadsheet-previews.php';
require_once __DIR__ . '/includes/class-broadsheet-kinds.php';
require_once __DIR__ . '/includes/class-broadsheet-navigation.php';
require_once __DIR__ . '/includes/class-broadsheet-global-styles.php';
require_once __DIR__ . '/includes/class-broadsheet-site-settings.php';

Broadsheet_Plugin::boot();
