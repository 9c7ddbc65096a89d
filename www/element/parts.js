// Parts of the element that no first result needs, loaded when first used: the bundler
// (scripts/build-web, esbuild's code splitting) makes each a chunk of its own in pkg/, so a
// visitor pays for one only when they open it. A part is `{loaded, module, load()}`;
// `Session.loadingPart` waits for one the way `lacking` waits for shard files.

/** A part whose module `importer()` imports (a literal `import()`, so the bundler splits it). */
function part(importer) {
  const p = {
    loaded: false,
    module: null,
    pending: null,
    /** Resolves once the module is here; a failed load may be tried again. */
    load() {
      p.pending ??= importer().then(
        (module) => Object.assign(p, { loaded: true, module }),
        (error) => {
          p.pending = null;
          throw error;
        },
      );
      return p.pending;
    },
  };
  return p;
}

/** The completions popup (suggest.js), which only the natural engine fills. */
export const suggest = part(() => import("./suggest.js"));

/** The detail pane (detail-view.js): a clause in its section, or the whole document (below). */
export const detailView = part(() => import("./detail-view.js"));

/** The whole-document view (document-view.js): metadata, contents, every clause. */
export const documentView = part(() => import("./document-view.js"));
