import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** Set by `.ci/run` (which starts one server for the whole run); without it each test file starts its own. */
export const TEST_DATABASE_URL_ENV = 'CHORUS_TEST_DATABASE_URL';

const HOW_TO_GET_ONE =
  'The PostgreSQL tests need a PostgreSQL server (15 or later). Either run them through .ci/run, which installs and starts one; ' +
  `or set ${TEST_DATABASE_URL_ENV}=postgres://user:password@127.0.0.1:5432/postgres (a user that may CREATE DATABASE); ` +
  'or install the server binaries (Debian/Ubuntu: apt-get install postgresql) so the tests can start a throwaway one with initdb and pg_ctl.';

export interface TestPostgres {
  /** A fresh, empty database on the server, for one test file. */
  readonly url: string;
  stop(): Promise<void>;
}

/** Where initdb and pg_ctl are: on PATH, or in Debian's versioned folder. */
function findBinaries(): string | undefined {
  const onPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).stdout.trim();
  if (onPath && existsSync(path.join(path.dirname(onPath), 'initdb'))) return path.dirname(onPath);
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return undefined;
  const versions = readdirSync(debian).filter((v) => existsSync(path.join(debian, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(debian, versions[0], 'bin') : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * A real PostgreSQL for a test file: the server `.ci/run` started (CHORUS_TEST_DATABASE_URL), or a
 * throwaway one started here with initdb + pg_ctl on 127.0.0.1 in a temporary folder (as the
 * `postgres` user when running as root, since PostgreSQL refuses to run as root). Either way the
 * file gets its own new database. Throws, saying how to get a server, when there is none.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  let serverUrl = process.env[TEST_DATABASE_URL_ENV];
  let stopServer = async () => undefined;
  if (!serverUrl) {
    const bin = findBinaries();
    if (!bin) throw new Error(HOW_TO_GET_ONE);
    const dir = mkdtempSync(path.join(tmpdir(), 'chorus-pg-'));
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chmodSync(dir, 0o777);
    const run = (command: string, args: string[]) =>
      asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args], { stdio: 'pipe' }) : execFileSync(path.join(bin, command), args, { stdio: 'pipe' });
    const data = path.join(dir, 'data');
    const port = await freePort();
    try {
      run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
      // fsync off: a throwaway test server; durability is SQLite's and PostgreSQL's own business, tested by them.
      run('pg_ctl', ['-D', data, '-w', '-t', '30', '-l', path.join(dir, 'log'), '-o', `-p ${port} -h 127.0.0.1 -k ${dir} -c fsync=off -c max_connections=200`, 'start']);
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`Could not start a test PostgreSQL with ${bin}: ${(error as { stderr?: Buffer }).stderr?.toString() ?? (error as Error).message}\n${HOW_TO_GET_ONE}`);
    }
    serverUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    stopServer = async () => {
      try {
        run('pg_ctl', ['-D', data, '-w', '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
  }
  const name = `chorus_test_${process.pid}_${Math.floor(performance.now() * 1000)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch (error) {
    await stopServer();
    throw new Error(`Cannot reach the test PostgreSQL at ${serverUrl}: ${(error as Error).message}\n${HOW_TO_GET_ONE}`);
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async stop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      await stopServer();
    },
  };
}
