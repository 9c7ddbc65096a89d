#!/usr/bin/env node
// policy-search: index a folder into a deployable search widget, and search what was built.
// Progress goes to stderr; stdout carries only what a command answers.
import { writeFileSync } from "node:fs";
import { basename } from "node:path";

import { indexFiles, openSite, readFolder, writeSite } from "../lib/index.mjs";

const USAGE = `usage:
  policy-search index FOLDER --out DIR [--shards auto|always|never] [--demo] [--report FILE]
      compiles the documents of FOLDER (*.txt, *.html, manifest.toml) into DIR/, a folder any
      static host serves: policy-search.js and pkg/ (embed them: see the README), and with
      --demo a page (index.html) to try it. Every removed line is listed in FILE
      (default corpus-report.txt, here).
  policy-search search --index DIR [--limit N] [--offset K] [--exact] [--no-pinyin] [FILTERS] [--json] [--] QUERY...
  policy-search facets|suggest|clauses|docs|stats --index DIR [...]
      the Rust CLI's commands, over the index in DIR (run with no command after --index DIR
      for their options)`;

const COMMANDS = new Set(["search", "facets", "suggest", "clauses", "docs", "stats"]);

/** Says `message` and exits with 2, as the Rust CLI does for bad arguments. */
function fail(message) {
  process.stderr.write(`policy-search: ${message}\n`);
  process.exit(2);
}

/** Takes the value after `flag` out of `args`, or null. */
function take(args, flag) {
  const at = args.indexOf(flag);
  const end = args.indexOf("--");
  if (at < 0 || (end >= 0 && at > end)) return null;
  if (at + 1 >= args.length || args[at + 1] === "--") fail(`${flag} needs a value\n${USAGE}`);
  return args.splice(at, 2)[1];
}

/** Takes `flag` (no value) out of `args`: whether it was there. */
function takeFlag(args, flag) {
  const at = args.indexOf(flag);
  const end = args.indexOf("--");
  if (at < 0 || (end >= 0 && at > end)) return false;
  args.splice(at, 1);
  return true;
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

async function index(args) {
  const out = take(args, "--out");
  const shards = take(args, "--shards") ?? "auto";
  const report = take(args, "--report") ?? "corpus-report.txt";
  const demo = takeFlag(args, "--demo");
  const [folder, ...rest] = args;
  if (!folder || !out) fail(`index needs a FOLDER and --out DIR\n${USAGE}`);
  if (rest.length) fail(`index: unexpected ${JSON.stringify(rest[0])}\n${USAGE}`);

  let shown = 0;
  const files = readFolder(folder, (count, bytes) => {
    if (count - shown >= 500) {
      shown = count;
      process.stderr.write(`policy-search: read ${count} files (${mb(bytes)})\n`);
    }
  });
  const read = files.reduce((n, f) => n + f.bytes.length, 0);
  process.stderr.write(`policy-search: read ${files.length} files (${mb(read)}) from ${folder}; indexing\n`);
  let indexed;
  try {
    indexed = await indexFiles(files, { folder, shards, report });
  } catch (error) {
    process.stderr.write(`error: policy-search corpus: ${error.message}\n`);
    process.exit(1);
  }
  writeFileSync(report, indexed.report);
  process.stderr.write(`${indexed.summary}\n`);
  for (const line of indexed.warnings) process.stderr.write(`policy-search corpus: ${line}\n`);
  const written = writeSite(out, indexed, { demo });
  const shardCount = indexed.files.filter((f) => f.name.startsWith("shards/")).length;
  process.stderr.write(
    `policy-search: wrote ${out}/: ${written.files} files, ${mb(written.bytes)}` +
      ` (index core ${indexed.files[0].bytes.length} bytes, ${shardCount} shard files)\n`,
  );
}

async function command(name, args) {
  const dir = take(args, "--index");
  if (!dir) fail(`${name} needs --index DIR (a folder written by policy-search index)\n${USAGE}`);
  let site;
  try {
    site = await openSite(dir);
  } catch (error) {
    fail(`${dir}: ${error.message}`);
  }
  try {
    process.stdout.write(site.run([name, ...args]));
  } catch (error) {
    fail(error.message);
  }
}

const [name, ...args] = process.argv.slice(2);
if (name === "index") await index(args);
else if (COMMANDS.has(name)) await command(name, args);
else if (!name || name === "--help" || name === "-h" || name === "help") process.stdout.write(`${USAGE}\n`);
else fail(`unknown command ${JSON.stringify(name)} (${basename(process.argv[1])} --help)\n${USAGE}`);
