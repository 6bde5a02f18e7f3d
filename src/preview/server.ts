// The preview's HTTP server (node:http): it answers only its page, that page's script and styles, its
// event stream, the rendered output (the print's pages, the EPUB's reading view) and the exact files
// of the publication's asset list, served from memory as the render read them. No path of a request
// ever reaches the file system, so there is no listing and nothing outside the project: any other
// path is 404. Each response carries a Content-Security-Policy: the rendered output may run no
// script at all. Only the fonts' stylesheet, at a path named by its content, may be kept by the browser.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Asset } from '../publication/model.js';

export interface PreviewContent {
  /** The preview page (templates/preview/page.ejs, rendered). */
  page(): string;
  script: string;
  styles: string;
  printHtml(): string;
  readingHtml(): string;
  asset(urlPath: string): Asset | undefined;
  /** A fonts stylesheet of the print pages, by its URL path (named by its content, so the browser may keep it). */
  fonts(urlPath: string): string | undefined;
}

const SHELL_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; frame-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
// The laid-out pages carry inline styles (the layout engine's), fonts and images as data: URLs.
const OUTPUT_POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src data:; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/** A request path that tries to climb or hide a separator is refused before anything else. */
const SUSPICIOUS = /\.\.|%2e|%2f|%5c|\\|\/\//i;

export interface PreviewServer {
  url: string;
  /** Tell every open page that a new render is there (Server-Sent Events). */
  broadcast(data: unknown): void;
  /** Resolves once a page next asks for `pathname`, or after `limit` ms; at once when no page listens. */
  requested(pathname: string, limit: number): Promise<void>;
  close(): Promise<void>;
}

export async function startPreviewServer(content: PreviewContent, options: { host: string; port: number; current: () => unknown }): Promise<PreviewServer> {
  const streams = new Set<ServerResponse>();
  const waiting = new Map<string, (() => void)[]>();
  let allowedHosts: Set<string> = new Set();
  const server: Server = createServer((request, response) => {
    try {
      answer(request, response);
    } catch (error) {
      send(response, 500, 'text/plain; charset=utf-8', `preview: ${(error as Error).message}`, OUTPUT_POLICY);
    }
  });

  const answer = (request: IncomingMessage, response: ServerResponse) => {
    // Another site's page must not reach this one through a name it points at 127.0.0.1.
    if (allowedHosts.size > 0 && !allowedHosts.has(request.headers.host ?? '')) return send(response, 403, 'text/plain; charset=utf-8', 'Forbidden', OUTPUT_POLICY);
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'Method Not Allowed', OUTPUT_POLICY);
    const raw = request.url ?? '';
    const pathname = raw.split('?')[0]!;
    if (!pathname.startsWith('/') || SUSPICIOUS.test(pathname)) return notFound(response);
    for (const resolve of waiting.get(pathname) ?? []) resolve();
    waiting.delete(pathname);
    if (pathname === '/') return send(response, 200, 'text/html; charset=utf-8', content.page(), SHELL_POLICY);
    if (pathname === '/preview.js') return send(response, 200, 'text/javascript; charset=utf-8', content.script, SHELL_POLICY);
    if (pathname === '/preview.css') return send(response, 200, 'text/css; charset=utf-8', content.styles, SHELL_POLICY);
    if (pathname === '/events') return openStream(request, response);
    if (pathname === '/print.html' || pathname === '/reading.html') {
      return send(response, 200, 'text/html; charset=utf-8', pathname === '/print.html' ? content.printHtml() : content.readingHtml(), OUTPUT_POLICY);
    }
    const fonts = content.fonts(pathname);
    if (fonts !== undefined) return send(response, 200, 'text/css; charset=utf-8', fonts, OUTPUT_POLICY, KEPT);
    const asset = content.asset(pathname);
    if (asset) return send(response, 200, asset.mediaType, asset.bytes, OUTPUT_POLICY);
    return notFound(response);
  };

  const openStream = (request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Content-Type-Options': 'nosniff' });
    response.write(`data: ${JSON.stringify(options.current())}\n\n`);
    streams.add(response);
    request.on('close', () => streams.delete(response));
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const shownHost = address.includes(':') ? `[${address}]` : address;
  // On the loopback interface, only the names of this machine may be asked for.
  if (options.host === '127.0.0.1') allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://${shownHost}:${port}/`,
    broadcast(data) {
      for (const stream of streams) stream.write(`data: ${JSON.stringify(data)}\n\n`);
    },
    requested(pathname, limit) {
      if (streams.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const waiters = waiting.get(pathname) ?? [];
        const done = () => (clearTimeout(timer), resolve());
        // Given up on: the waiter goes too, not kept until a page asks again.
        const timer = setTimeout(() => (waiters.splice(waiters.indexOf(done), 1), resolve()), limit);
        waiters.push(done);
        waiting.set(pathname, waiters);
      });
    },
    async close() {
      for (const [, waiters] of waiting) for (const resolve of waiters) resolve();
      waiting.clear();
      for (const stream of streams) stream.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** What never changes at its URL may be kept by the browser; everything else is asked for again each time. */
const KEPT = 'private, max-age=31536000, immutable';

function send(response: ServerResponse, status: number, type: string, body: string | Uint8Array, policy: string, cache = 'no-store'): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': cache,
  });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

function notFound(response: ServerResponse): void {
  send(response, 404, 'text/plain; charset=utf-8', 'Not Found', OUTPUT_POLICY);
}
