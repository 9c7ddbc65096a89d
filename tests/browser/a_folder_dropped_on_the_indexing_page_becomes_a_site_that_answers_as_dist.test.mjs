// The drag-and-drop indexing page (www/indexer/, at /indexer/ as scripts/serve serves it, under
// the strict CSP): the seeds, dropped as files or picked as a folder, are indexed in the page's
// worker; the report lists their documents and removed lines; searches on the result answer as
// the package's search over dist/ does; the zip it offers unpacks to the very files of dist/,
// and served, its widget shows what dist/'s shows. A bad folder gets the native build's error,
// naming the file. Nothing is requested from another origin; axe-core finds no violation.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";

import { openSite } from "../../packages/policy-search/lib/index.mjs";
import { filesUnder } from "../../packages/policy-search/lib/site.mjs";
import { serve } from "../../scripts/serve.mjs";
import { axe, DIST, results, search, start, waitReady } from "./harness.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const target = process.env.CARGO_TARGET_DIR ?? join(root, "target");
const work = join(target, "tmp", "indexer-page");
const seeds = join(root, "seeds");

let s;
before(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  s = await start({ mounts: { "/indexer/": join(target, "indexer-page") } });
});
after(() => s.close());

/** The indexing page, ready for a folder. */
async function indexingPage() {
  const opened = await s.open("indexer/", { wait: false });
  await opened.page.waitForSelector("body[data-state=ready]");
  return opened;
}

/** Drops `files` ({ name: bytes }) on the page's drop zone, as a browser drops loose files. */
async function dropFiles(page, files) {
  const named = Object.entries(files).map(([name, bytes]) => [name, [...bytes]]);
  await page.evaluate((named) => {
    const transfer = new DataTransfer();
    for (const [name, bytes] of named) transfer.items.add(new File([Uint8Array.from(bytes)], name));
    document.getElementById("drop").dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, named);
}

/** Every file under `dir`, relative, with its bytes. */
const tree = (dir) => new Map(filesUnder(dir).map((name) => [name, readFileSync(join(dir, name))]));

const seedFiles = () => Object.fromEntries(readdirSync(seeds).map((name) => [name, readFileSync(join(seeds, name))]));

test("the seeds dropped as files are indexed, reported and searchable in place", async () => {
  const { page, foreign, errors } = await indexingPage();
  await dropFiles(page, seedFiles());
  await page.waitForSelector("body[data-state=indexed]");
  assert.match(await page.textContent("#summary"), /5 documents, 147 clauses, 59 lines removed/);
  assert.equal(await page.locator("#documents tbody tr").count(), 5);
  assert.match(await page.textContent("#removed pre"), /seo_spam: /, "every removed line, with its rule");

  const site = await openSite(DIST);
  for (const q of ["创业补贴", "知识产权保护", "cypp"]) {
    await page.fill("#query", q);
    await page.press("#query", "Enter");
    await page.waitForFunction((q) => document.body.dataset.searched === q, q);
    const shown = await page.$$eval("#hits li", (items) => items.map((li) => li.dataset.clause));
    const expected = JSON.parse(site.run(["search", "--json", "--", q])).hits.map((h) => `${h.doc}#${h.clause}`);
    assert.ok(expected.length > 0, q);
    assert.deepEqual(shown, expected, `${q}: the hits the package's search over dist/ gives`);
  }
  assert.deepEqual(await axe(page), [], "axe-core finds no violation with the report and results shown");
  assert.deepEqual(foreign, [], "nothing requested from another origin");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("the seeds picked as a folder download as a zip of dist/'s very files, whose widget answers as dist/'s", async () => {
  const { page, errors } = await indexingPage();
  await page.setInputFiles("#folder", seeds);
  await page.waitForSelector("body[data-state=indexed]");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#zip")]);
  assert.equal(download.suggestedFilename(), "seeds-search.zip");
  const zip = join(work, "seeds-search.zip");
  await download.saveAs(zip);
  execFileSync("unzip", ["-q", "-o", zip, "-d", work]);
  const unzipped = join(work, "seeds-search");
  const [got, built] = [tree(unzipped), tree(DIST)];
  assert.deepEqual([...got.keys()].sort(), [...built.keys()].sort());
  for (const [name, bytes] of got) assert.ok(bytes.equals(built.get(name)), `${name}: the same bytes as dist/'s`);
  assert.deepEqual(errors, []);
  await page.context().close();

  // Served, the unpacked folder's widget shows for a query what dist/'s shows.
  const server = await serve({ root: unzipped, port: 0 });
  try {
    const shown = [];
    for (const url of [server.url, s.url]) {
      const context = await s.browser.newContext({ locale: "zh-CN" });
      const widget = await context.newPage();
      await widget.goto(url);
      await waitReady(widget);
      await search(widget, "众创空间 补贴");
      shown.push((await results(widget)).options.map((o) => o.crumbs + o.text));
      await context.close();
    }
    assert.ok(shown[0].length > 0);
    assert.deepEqual(shown[0], shown[1]);
  } finally {
    await server.close();
  }
});

test("a bad folder gets the native build's error on the page, naming the file and the problem", async () => {
  const text = "关于支持众创空间发展的若干意见\n一、支持众创空间建设。\n二、加快网络建设。";
  const utf8 = (s) => new TextEncoder().encode(s);
  const cases = [
    [{ "a.txt": Uint8Array.of(0xff, 0xfe, 0x00, 0xd8, 0x41, 0x81) }, /^files\/a\.txt: .*not text/],
    [{ "page.txt": utf8("<!DOCTYPE html><html><head><title>通知</title></head><body><p>正文。</p></body></html>") }, /^files\/page\.txt: .*name it \.html/],
    [{ "a.txt": utf8(text), "b.txt": utf8(text) }, /^files\/b\.txt: the same document as a\.txt/],
    [{ "a.txt": utf8(text), "manifest.toml": utf8("[files.a\ntitle = ") }, /^files\/manifest\.toml: /],
  ];
  const { page } = await indexingPage();
  for (const [files, says] of cases) {
    await dropFiles(page, files);
    await page.waitForSelector("body[data-state=failed]");
    assert.match(await page.textContent("#error-message"), says);
    assert.ok(await page.locator("#download").isHidden(), "nothing to download");
    await page.evaluate(() => (document.body.dataset.state = "ready"));
  }
  await page.context().close();
});
