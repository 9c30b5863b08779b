import { startEmbeddedWordPress } from './wordpress/dev/embedded-wordpress.mjs';
const wp = await startEmbeddedWordPress({ name: 'fidelity', port: 9490, server: 'native', frontendUrl: 'http://127.0.0.1:3090' });
console.log('ENV ' + JSON.stringify(wp.env));
process.on('SIGTERM', async () => { await wp.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
