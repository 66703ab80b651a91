import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface ServedFile {
  readonly body: string | Uint8Array;
  /** Content-Type, with a charset for text. */
  readonly type: string;
}

export interface FileServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves a fixed set of in-memory files over HTTP on 127.0.0.1 and an ephemeral port: enough for
 * a browser test to load pages and fetch fixtures, nothing reachable from outside the machine.
 * Anything else is a 404.
 */
export async function serveFiles(files: Readonly<Record<string, ServedFile>>): Promise<FileServer> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = Object.hasOwn(files, pathname) ? files[pathname] : undefined;
    if (request.method !== 'GET' || !file) {
      response.writeHead(request.method === 'GET' ? 404 : 405, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`not served: ${request.method} ${pathname}`);
      return;
    }
    response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' });
    response.end(file.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the file server is not listening on TCP');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Chromium keeps connections alive; without this close() would wait for them to time out.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
