import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { generate } from 'selfsigned';

export const SITES_DIR = path.resolve(import.meta.dirname, '../fixtures/sites');

export type RouteHandler = (request: {
  host: string;
  path: string;
  url: URL;
}) => { status?: number; type?: string; body: string | Uint8Array; delayMs?: number } | undefined;

/**
 * Serves tests/fixtures/sites/<host>/<path> over HTTPS, choosing the site by the Host header, so
 * pages load under their real host names (Chromium maps those names to this server). A path
 * without an extension is served from `<path>.html`, `<path>/index.html`. Tests may add dynamic
 * routes (late content, API answers) with `route`.
 */
export class FixtureServer {
  private server: Server | undefined;
  private readonly routes: RouteHandler[] = [];
  /** Every request seen, as `host/path?query`: tests use it to prove what did (not) leave the browser. */
  readonly requests: string[] = [];

  route(handler: RouteHandler): () => void {
    this.routes.push(handler);
    return () => this.routes.splice(this.routes.indexOf(handler), 1);
  }

  async start(): Promise<number> {
    const pems = await generate([{ name: 'commonName', value: 'bronwijzer-fixtures' }], { keySize: 2048 });
    this.server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      const url = new URL(req.url ?? '/', `https://${host}`);
      this.requests.push(`${host}${url.pathname}${url.search}`);
      void this.answer(host, url).then(async ({ status, type, body, delayMs }) => {
        if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  private async answer(host: string, url: URL) {
    for (const handler of this.routes) {
      const routed = handler({ host, path: url.pathname, url });
      if (routed) return { status: 200, type: 'text/html; charset=utf-8', ...routed };
    }
    const base = path.join(SITES_DIR, host, path.normalize(url.pathname).replace(/^(\.\.[/\\])+/, ''));
    if (!base.startsWith(path.join(SITES_DIR, host))) return notFound();
    for (const candidate of [base, `${base}.html`, path.join(base, 'index.html')]) {
      try {
        const body = await readFile(candidate);
        return { status: 200, type: contentType(candidate), body, delayMs: 0 };
      } catch {
        // try the next candidate
      }
    }
    return notFound();
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function notFound() {
  return { status: 404, type: 'text/plain', body: 'not found', delayMs: 0 };
}

function contentType(file: string): string {
  if (file.endsWith('.json')) return 'application/json';
  if (file.endsWith('.js')) return 'text/javascript';
  if (file.endsWith('.css')) return 'text/css';
  if (file.endsWith('.pdf')) return 'application/pdf';
  return 'text/html; charset=utf-8';
}
