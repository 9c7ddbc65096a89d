// A static file server for dist/, with the headers a careful portal would send.
//
//   node scripts/serve.mjs [--root dist] [--host 127.0.0.1] [--port 8080]
//                          [--csp POLICY | --no-csp] [--isolated] [--mount /PATH/=DIR]
//
// `--mount /indexer/=target/indexer-page` serves DIR under /indexer/ (scripts/serve does, for
// the drag-and-drop indexing page), the rest from the root.
// By default every response carries the strict policy the widget promises to work under
// (see README), so the demo proves it. `--isolated` adds COOP/COEP, which makes the page
// cross-origin isolated and gives performance.now() microsecond resolution for benchmarks.
// Port 0 picks a free port; the chosen address is printed as `serving http://HOST:PORT/`.

import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
};

/** Starts a server; resolves to `{ url, close() }`. */
export async function serve({ root = "dist", host = "127.0.0.1", port = 8080, csp = STRICT_CSP, isolated = false, mounts = {} } = {}) {
  const bases = Object.entries(mounts).map(([prefix, dir]) => [prefix, resolve(dir)]);
  const server = createServer(async (req, res) => {
    const headers = { "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff" };
    if (csp) headers["Content-Security-Policy"] = csp;
    if (isolated) {
      headers["Cross-Origin-Opener-Policy"] = "same-origin";
      headers["Cross-Origin-Embedder-Policy"] = "require-corp";
    }
    try {
      let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let base = resolve(root);
      const mount = bases.find(([prefix]) => path.startsWith(prefix));
      if (mount) [path, base] = [path.slice(mount[0].length - 1), mount[1]];
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) throw Object.assign(new Error("outside root"), { code: "ENOENT" });
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      // As a static host does: a validator, so that a page asking again (a favicon after a
      // history entry, say) is answered 304 without the body; and files named by their content
      // (pkg/shards/*, the lexicon, the natural module) may be kept for good.
      const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
      headers.ETag = etag;
      if (/-([0-9a-f]{10}|[0-9a-f]{16})\.(bin|wasm|js)$/.test(file)) headers["Cache-Control"] = "public, max-age=31536000, immutable";
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, headers);
        return res.end();
      }
      res.writeHead(200, { ...headers, "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (e) {
      // Malformed percent-encoding (`/%E0%A4%A`) is the request's fault, not the server's.
      const status = e instanceof URIError ? 400 : e.code === "ENOENT" || e.code === "ENOTDIR" ? 404 : 500;
      res.writeHead(status, { ...headers, "Content-Type": "text/plain; charset=utf-8" });
      res.end({ 400: "bad request\n", 404: "not found\n", 500: "server error\n" }[status]);
    }
  });
  await new Promise((ok, fail) => server.once("error", fail).listen(port, host, ok));
  const address = server.address();
  return {
    url: `http://${host}:${address.port}/`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const { url } = await serve({
    root: opt("--root", "dist"),
    host: opt("--host", "127.0.0.1"),
    port: Number(opt("--port", 8080)),
    csp: args.includes("--no-csp") ? null : opt("--csp", STRICT_CSP),
    isolated: args.includes("--isolated"),
    mounts: Object.fromEntries(args.flatMap((a, i) => (args[i - 1] === "--mount" ? [a.split("=")] : []))),
  });
  console.log(`serving ${url}`);
}
