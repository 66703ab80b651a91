// The backend's Node entry: reads the environment, starts the server, says where it listens.
import { readFileSync } from 'node:fs';
import { startServer } from './start-server.ts';

/** Gone within 5 s of the signal, whatever hangs: a supervisor (Docker waits 10 s) must not have to SIGKILL. */
const EXIT_DEADLINE_MS = 4_500;

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

try {
  const started = await startServer(process.env, version);
  const port = new URL(started.url).port;
  // The handlers go in before the address is printed: a supervisor may signal the moment it reads
  // it, and a signal with no handler yet kills the process without telling the runs in flight.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second signal means "now": the supervisor or the person at the terminal has stopped waiting.
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`chorus: ${signal}: stopping (runs in flight are told SHUTTING_DOWN)`);
    setTimeout(() => {
      console.error(`chorus: still stopping after ${EXIT_DEADLINE_MS / 1000} s; exiting anyway`);
      process.exit(1);
    }, EXIT_DEADLINE_MS);
    started.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('chorus: error while stopping', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`Chorus backend ${version} listening on http://localhost:${port} (bound to ${new URL(started.url).hostname}, pid ${process.pid})`);
  console.log('Extractors:');
  for (const e of started.extractors) {
    console.log(`  tier ${e.tier}  ${e.id.padEnd(18)} ${e.unavailable ? `off: ${e.unavailable.reason}` : `live${e.model ? ` (${e.model})` : ''}`}`);
  }
  console.log(`Live extractors: ${started.extractors.filter((e) => !e.unavailable).map((e) => `${e.id} (tier ${e.tier})`).join(', ')}`);
} catch (error) {
  console.error(`chorus: ${(error as Error).message}`);
  process.exit(1);
}
