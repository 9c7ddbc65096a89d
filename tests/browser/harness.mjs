// Shared set-up for the browser tests: serve dist/ on a free port and drive Debian's Chromium
// with playwright-core. Nothing is downloaded: the browser is the system's own.

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { serve, STRICT_CSP } from "../../scripts/serve.mjs";

export { STRICT_CSP };

const ROOT = new URL("../../", import.meta.url);
// POLICY_SEARCH_DIST serves another build (as scripts/build-web writes it), e.g. a sharded one.
export const DIST = process.env.POLICY_SEARCH_DIST
  ? new URL(process.env.POLICY_SEARCH_DIST.replace(/\/?$/, "/"), new URL(`file://${process.cwd()}/`)).pathname
  : new URL("dist/", ROOT).pathname;
// The same corpus built with its index embedded whole (scripts/test: POLICY_SEARCH_SHARDS=never),
// which answers every query in the frame it is asked — for the twin test, and for tests that
// pause the fake clock: a shard fetch completes in real time, and the paused clock would never
// run the frame that shows what it brought. EMBEDDED_DIST points elsewhere.
export const EMBEDDED_DIST = process.env.EMBEDDED_DIST ?? new URL("target/dist-embedded/", ROOT).pathname;

const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
];

function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  try {
    return execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("Chromium not found: run ./scripts/setup (or set CHROMIUM=/path/to/chromium)");
  }
}

/**
 * Indexes corpus folder `folder` (relative to the repository) with the package's own `index`,
 * as a webmaster would, into target/`out`/ (with the demo page, its report beside it in
 * target/); returns that folder, for `start({ root })`.
 */
export function indexed(folder, out) {
  const dir = new URL(`target/${out}/`, ROOT).pathname;
  execFileSync(process.execPath, [
    new URL("packages/policy-search/bin/policy-search.mjs", ROOT).pathname,
    "index", new URL(folder, ROOT).pathname, "--out", dir, "--demo",
    "--report", new URL(`target/corpus-report-${out}.txt`, ROOT).pathname,
  ], { stdio: ["ignore", "ignore", "pipe"] });
  return dir;
}

/** Launches Chromium and a server; returns helpers and a `close()` for `after()`. */
export async function start(serverOptions = {}) {
  const server = await serve({ root: DIST, port: 0, ...serverOptions });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: FLAGS, headless: true });
  return {
    url: server.url,
    browser,
    /**
     * A fresh page (own context) at `path`, with every request outside the origin recorded.
     * `clock: true` installs Playwright's fake clock before the page loads (it runs with real
     * time until a test pauses it; timers, animation frames and performance.now() follow it);
     * `clock: "paused"` also pauses it once the element is ready (see `frame()`).
     * `rewrite(html)` changes the demo page's HTML as it is served (another portal page).
     * `touch: true` makes a phone (touch screen, mobile viewport). `setup(page)` runs before
     * the page is loaded (routes that hold a response, say).
     */
    async open(path = "", { viewport = { width: 1280, height: 900 }, permissions = [], wait = true, clock = false, rewrite = null, touch = false, setup = null } = {}) {
      const context = await browser.newContext({ viewport, permissions, locale: "zh-CN", ...(touch ? { hasTouch: true, isMobile: true } : {}) });
      const page = await context.newPage();
      if (clock) await page.clock.install();
      if (setup) await setup(page);
      if (rewrite) {
        await page.route((url) => url.pathname === "/", async (route) => {
          const response = await route.fetch();
          await route.fulfill({ response, body: rewrite(await response.text()) });
        });
      }
      const foreign = [];
      const errors = [];
      page.on("request", (r) => {
        if (!r.url().startsWith(server.url) && !r.url().startsWith("data:")) foreign.push(r.url());
      });
      page.on("pageerror", (e) => errors.push(e));
      page.on("dialog", (d) => {
        errors.push(new Error(`dialog opened: ${d.message()}`));
        d.dismiss();
      });
      await page.goto(server.url + path);
      if (wait || clock === "paused") {
        await waitReady(page).catch((e) => {
          throw new Error(`${e.message}\npage errors: ${errors.join("; ") || "none"}`);
        });
      }
      if (clock === "paused") await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
      return { page, context, foreign, errors };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Waits until every element on the page has loaded its engine (or failed); says where it stopped if not. */
export async function waitReady(page) {
  try {
    await page.waitForFunction(() => {
      const hosts = [...document.querySelectorAll("policy-search")];
      return hosts.length > 0 && hosts.every((el) => ["ready", "error"].includes(el.getAttribute("state")));
    });
  } catch (e) {
    const where = await page.evaluate(() => ({
      document: document.readyState,
      states: [...document.querySelectorAll("policy-search")].map((el) => el.getAttribute("state")),
      loaded: performance.getEntriesByType("resource").map((r) => new URL(r.name).pathname),
    })).catch((why) => why.message);
    throw new Error(`${e.message}\nwhere it stopped: ${JSON.stringify(where)}`);
  }
}

/** Types `q` into the search box of `host` (replacing what is there) and waits for the results. */
export async function search(page, q, host = "policy-search") {
  const input = page.locator(host).locator("#q");
  await input.fill("");
  await input.pressSequentially(q);
  await settle(page, host);
}

/**
 * Waits until the element shows the results of its input's current value with no search
 * pending (its `settled` property). Playwright polls with the browser's own animation frames,
 * so this works under a paused fake clock too, once the test has run the clock.
 */
export async function settle(page, host = "policy-search") {
  await page.waitForFunction((host) => document.querySelector(host)?.settled === true, host);
}

/** Searches `q`, opens its first result, then that clause's whole document (查看全文), and waits for it. */
export async function openWholeDocument(page, q, host = "policy-search") {
  await search(page, q, host);
  await page.locator(host).locator("#results [role=option]").first().click();
  await settle(page, host);
  await page.locator(host).locator(".detail button.whole").click();
  await settle(page, host);
}

/** Under a paused clock: runs it past the next animation frame, then waits for `settle`. */
export async function frame(page, host = "policy-search") {
  await page.clock.runFor(20);
  await settle(page, host);
}

/** The search box of `host`. */
export const box = (page, host = "policy-search") => page.locator(host).locator("#q");

/** The rendered results of `host`: text content of each option's parts. */
export async function results(page, host = "policy-search") {
  return page.evaluate((host) => {
    const root = document.querySelector(host).shadowRoot;
    return {
      status: root.querySelector(".status").textContent,
      message: root.querySelector(".message").textContent,
      options: [...root.querySelectorAll("#results [role=option]")].map((o) => ({
        id: o.id,
        index: Number(o.dataset.index),
        crumbs: o.querySelector(".crumbs").textContent,
        text: o.querySelector(".text").textContent,
        marks: [...o.querySelectorAll("mark")].map((m) => m.textContent),
        chips: [...o.querySelectorAll(".chip")].map((c) => c.textContent),
        selected: o.getAttribute("aria-selected") === "true",
        // "exact", "partial" (a related clause) or "document"
        kind: o.className,
        why: o.querySelector(".why")?.textContent ?? "",
        // a hit found through a pinyin reading: "拼音 zxqy → 读作 中小企业"
        reading: o.querySelector(".reading")?.textContent ?? "",
        tier: o.querySelector(".tier")?.textContent ?? "",
      })),
    };
  }, host);
}

/**
 * Makes the page's engine return hostile content without rebuilding the index: `edit(method,
 * result, args)`, run in the page, may change what `search`, `clause` and `documentClauses`
 * return. (`edit` is sent as source, so it must not close over test variables.)
 */
export async function editEngine(page, edit) {
  await page.evaluate(`(async () => {
    // Both engines: the exact one, and the natural one that takes over when it arrives.
    const widget = await import("/policy-search.js");
    const engines = [await widget.engine(), await widget.natural()].filter(Boolean);
    const edit = ${edit};
    for (const engine of engines) {
      for (const name of ["search", "clause", "documentClauses"]) {
        const original = engine[name].bind(engine);
        engine[name] = (...args) => edit(name, original(...args), args);
      }
    }
  })()`);
}

/** The viewports of the README's screenshots. */
export const SCREENSHOTS = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 900 } };

/**
 * Takes the README's screenshot `name` (a key of SCREENSHOTS) of a page open at that viewport:
 * a search with its first result selected, framed from the page heading down, as a visitor
 * arriving at the widget sees it. Written to `path`.
 */
export async function screenshot(page, name, path) {
  await search(page, "众创空间");
  await page.keyboard.press("Enter"); // the query is done: the suggestions close
  await page.keyboard.press("ArrowDown");
  await page.evaluate(() => document.querySelector("h1").scrollIntoView());
  await page.screenshot({ path, fullPage: name !== "phone" });
}

/** The development queries (tests/dev.json, a copy of the shared set). */
export function devQueries() {
  return JSON.parse(readFileSync(new URL("tests/dev.json", ROOT), "utf8")).queries;
}

/** The natural-language queries (tests/natural.json, a copy of the shared set). */
export function naturalQueries() {
  return JSON.parse(readFileSync(new URL("tests/natural.json", ROOT), "utf8")).queries;
}

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe-core on the whole page (it descends into open shadow roots); returns the violations. */
export async function axe(page) {
  // evaluate() is not subject to the page's CSP, unlike an injected <script>.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`);
  });
}
