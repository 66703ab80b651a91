// The backend's Node entry: reads the environment, starts the server, says where it listens.
import { readFileSync } from 'node:fs';
import { startServer } from './start-server.ts';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

try {
  const started = await startServer(process.env, version);
  const port = new URL(started.url).port;
  console.log(`Chorus backend ${version} listening on http://localhost:${port} (bound to ${new URL(started.url).hostname})`);
  console.log('Extractors:');
  for (const e of started.extractors) {
    console.log(`  tier ${e.tier}  ${e.id.padEnd(18)} ${e.unavailable ? `off: ${e.unavailable.reason}` : `live${e.model ? ` (${e.model})` : ''}`}`);
  }
  console.log(`Live extractors: ${started.extractors.filter((e) => !e.unavailable).map((e) => `${e.id} (tier ${e.tier})`).join(', ')}`);
  const stop = () => void started.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`chorus: ${(error as Error).message}`);
  process.exit(1);
}
