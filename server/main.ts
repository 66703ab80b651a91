// The backend's Node entry: the only file that knows it runs on Node (with the decode adapter).
import { serve } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import { createApp } from './app.ts';
import { decodeImage } from './decode/decode-image.ts';
import { TIER1_EXTRACTORS } from '../core/cv/tier1-extractors.ts';

/** 8787: the port the plugin's manifest allows in development. */
const DEFAULT_PORT = 8787;
const port = Number(process.env.PORT ?? DEFAULT_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`chorus: PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(2);
}
// Loopback only: the backend will hold API keys and spend money; exposing it is a deliberate act.
const hostname = process.env.HOST ?? '127.0.0.1';
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

const server = serve({ fetch: createApp({ decodeImage, version }).fetch, port, hostname }, (info) => {
  console.log(`Chorus backend ${version} listening on http://localhost:${info.port} (bound to ${hostname})`);
  console.log(`Live extractors: ${TIER1_EXTRACTORS.map((e) => `${e.id} (tier 1)`).join(', ')}`);
  console.log('Load the plugin in Figma from manifest.json; try `npm run -s extract -- FILE.png` for the CLI.');
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
