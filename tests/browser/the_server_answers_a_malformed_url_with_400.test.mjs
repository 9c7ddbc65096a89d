// scripts/serve.mjs answers a path whose percent-encoding is malformed with 400 Bad Request:
// the request is at fault, not the server. A file that exists is 200, one that does not 404.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { get } from "node:http";
import { serve } from "../../scripts/serve.mjs";
import { DIST } from "./harness.mjs";

let server;
before(async () => (server = await serve({ root: DIST, port: 0 })));
after(() => server.close());

/** The status of GET `path`, sent exactly as written. */
const status = (path) =>
  new Promise((ok, fail) => get(server.url + path.slice(1), (res) => ok(res.resume().statusCode)).on("error", fail));

for (const path of ["/%E0%A4%A", "/%", "/policy-search.js%ZZ"]) {
  test(`${path} is 400`, async () => assert.equal(await status(path), 400));
}

test("a file is 200 and a missing one 404", async () => {
  assert.equal(await status("/policy-search.js"), 200);
  assert.equal(await status("/nope.js"), 404);
});
