// The npm package as a webmaster gets it: the tarball scripts/build-web packs, installed with
// npm and run with a PATH that holds no cargo or rustc. Its `index` writes, for the seeds and for
// a portal's folder of GBK and text pages (tests/npm/portal/), the very files of scripts/build-web's
// dist/ for that folder; its `search --json` answers every dev.json and natural.json query as
// the Rust CLI (target/debug/policy-search, the seeds embedded natively) does; a bad folder
// gets the native build's errors, naming the file and the problem, and writes nothing.
//
// Needs: ./scripts/build-web (dist/ and the tarball), the same with POLICY_SEARCH_CORPUS=
// tests/npm/portal POLICY_SEARCH_DIST=target/dist-portal, and `cargo build -p policy-search-cli`
// (scripts/test runs all three). Writes only under target/tmp/npm-package/.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { before, test } from "node:test";
import { fileURLToPath } from "node:url";

import { filesUnder } from "../../packages/policy-search/lib/site.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const target = process.env.CARGO_TARGET_DIR ?? join(root, "target");
const { version } = JSON.parse(readFileSync(join(root, "packages/policy-search/package.json"), "utf8"));
const tarball = join(target, "npm", `policy-search-${version}.tgz`);
const work = join(target, "tmp", "npm-package");
const app = join(work, "app");
/** Node's own folder and the system's, and nothing of Rust's. */
const PATH = [...new Set([dirname(process.execPath), "/usr/bin", "/bin"])].join(":");
const env = { PATH, HOME: work, npm_config_cache: join(work, "npm-cache"), LANG: "C.UTF-8" };

/** Runs the installed package's bin with `args`, from `work`. */
function policySearch(...args) {
  return spawnSync(join(app, "node_modules", ".bin", "policy-search"), args, { cwd: work, env, encoding: "utf8" });
}

/** Every file under `dir`, relative, with its bytes. */
const tree = (dir) => new Map(filesUnder(dir).map((name) => [name, readFileSync(join(dir, name))]));

function assertSameTree(written, built) {
  const [a, b] = [tree(written), tree(built)];
  assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort(), `${written} holds the files of ${built}`);
  for (const [name, bytes] of a) assert.ok(bytes.equals(b.get(name)), `${name}: the same bytes as ${built}'s`);
}

before(() => {
  assert.ok(existsSync(tarball), `${tarball}: run ./scripts/build-web first`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(app, { recursive: true });
  const installed = spawnSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--prefix", app, tarball], {
    cwd: work,
    env,
    encoding: "utf8",
  });
  assert.equal(installed.status, 0, installed.stderr);
});

test("the package runs where neither cargo nor rustc is on the PATH", () => {
  const found = spawnSync("sh", ["-c", "command -v cargo || command -v rustc || command -v wasm-bindgen"], { env, encoding: "utf8" });
  assert.equal(found.stdout, "", "no Rust tool is reachable");
  const help = policySearch("--help");
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /policy-search index FOLDER --out DIR/);
});

test("index writes for the seeds the very files of build-web's dist/, and says what it did on stderr", () => {
  const out = join(work, "seeds-site");
  const run = policySearch("index", join(root, "seeds"), "--out", out, "--demo");
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, "", "progress goes to stderr; stdout stays empty");
  assert.match(run.stderr, /read 6 files/);
  assert.match(run.stderr, /5 documents, 147 clauses, 59 lines removed/);
  assert.match(run.stderr, new RegExp(`wrote .*seeds-site/: ${tree(join(root, "dist")).size} files`));
  assertSameTree(out, join(root, "dist"));
  // The report names files by the folder as given: build-web gives `seeds`, this test a full path.
  const report = readFileSync(join(work, "corpus-report.txt"), "utf8").replaceAll(join(root, "seeds/"), "seeds/");
  assert.equal(report, readFileSync(join(target, "corpus-report-dist.txt"), "utf8"), "the report build-web wrote for the seeds");
  assert.match(report, /^seeds\/000_1d89341c27db629f\.txt:1: seo_spam: /, "every removed line, with its rule");
});

test("index writes for a portal's GBK and text pages the very files build-web writes for them", () => {
  const out = join(work, "portal-site");
  const run = policySearch("index", join(root, "tests/npm/portal"), "--out", out, "--demo", "--report", join(work, "portal-report.txt"));
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /2 documents/);
  assertSameTree(out, join(target, "dist-portal"));
  const found = policySearch("search", "--index", out, "--json", "--", "数字化转型补贴");
  assert.equal(found.status, 0, found.stderr);
  const results = JSON.parse(found.stdout);
  assert.match(results.hits[0].title, /数字化转型补贴/, "the GBK page was read and searched");
});

test("search --json answers every dev.json and natural.json query as the Rust CLI does", () => {
  const cli = join(target, "debug", "policy-search");
  assert.ok(existsSync(cli), `${cli}: cargo build -p policy-search-cli`);
  const queries = ["dev.json", "natural.json"].flatMap((file) =>
    JSON.parse(readFileSync(join(root, "tests", file), "utf8")).queries.map((q) => q.q),
  );
  assert.equal(queries.length, 80, "dev.json and natural.json hold 80 queries");
  for (const q of queries) {
    const native = spawnSync(cli, ["search", "--json", "--", q], { encoding: "utf8" });
    const wasm = policySearch("search", "--index", join(root, "dist"), "--json", "--", q);
    assert.equal(wasm.status, native.status, `${q}: ${wasm.stderr}`);
    assert.equal(wasm.stdout, native.stdout, `${q}: the same JSON`);
    assert.equal(wasm.stderr, native.stderr, `${q}: the same error`);
  }
});

test("a bad folder gets the native build's error, naming the file and the problem, and nothing is written", () => {
  const text = "关于支持众创空间发展的若干意见\n一、支持众创空间建设。\n二、加快网络建设。";
  const cases = [
    ["undecodable", { "a.txt": Uint8Array.of(0xff, 0xfe, 0x00, 0xd8, 0x41, 0x81) }, /undecodable\/a\.txt: .*not text/],
    [
      "html-as-txt",
      { "page.txt": "<!DOCTYPE html><html><head><title>通知</title></head><body><p>正文。</p></body></html>" },
      /html-as-txt\/page\.txt: .*name it \.html/,
    ],
    ["duplicate", { "a.txt": text, "b.txt": text }, /duplicate\/b\.txt: the same document as a\.txt/],
    ["broken-manifest", { "a.txt": text, "manifest.toml": "[files.a\ntitle = " }, /broken-manifest\/manifest\.toml: /],
    ["subfolder", { "a.txt": text, "old/": null }, /subfolder\/old\/: not a corpus file/],
  ];
  for (const [name, files, says] of cases) {
    const folder = join(work, "bad", name);
    mkdirSync(folder, { recursive: true });
    for (const [file, bytes] of Object.entries(files)) {
      if (bytes === null) mkdirSync(join(folder, file));
      else writeFileSync(join(folder, file), bytes);
    }
    const out = join(work, "bad-out", name);
    const run = policySearch("index", folder, "--out", out);
    assert.equal(run.status, 1, `${name}: fails`);
    assert.match(run.stderr, /error: policy-search corpus: /, name);
    assert.match(run.stderr, says, name);
    assert.ok(!existsSync(out), `${name}: nothing written`);
  }
});

test("search over a folder that is not an index says so", () => {
  const run = policySearch("search", "--index", join(work, "nowhere"), "--", "补贴");
  assert.equal(run.status, 2);
  assert.match(run.stderr, /nowhere.*policy_search_bg\.wasm/);
});
