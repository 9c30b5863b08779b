/**
 * Kept only for lib/wordpress/posts.ts and lib/wordpress/archives.ts, which still import it from
 * here: the function belongs to the WordPress client (lib/wordpress/html-text.ts), and this file
 * goes once they import their neighbour.
 */
export { htmlToText } from '@/lib/wordpress/html-text';
