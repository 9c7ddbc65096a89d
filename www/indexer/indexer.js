// The drag-and-drop indexing page: a webmaster drops a folder (or picks it), the worker indexes
// it with the indexer compiled to wasm, the page shows the report (documents, removed lines,
// warnings, or the error naming the file), lets them try searches on the result, and offers
// the deployable folder as a zip. Nothing leaves the browser; all text shown goes through
// textContent.
import { zipSync } from "fflate";

const $ = (id) => document.getElementById(id);
const worker = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
/** The deployable folder's files of the last index, as [name, bytes]. */
let site = null;
let folderName = "policy-search";
/** Resolves the worker's answer to the message in flight (one at a time). */
let pending = null;

worker.onmessage = ({ data }) => {
  const resolve = pending;
  pending = null;
  resolve?.(data);
};

function ask(message) {
  return new Promise((resolve) => {
    pending = resolve;
    worker.postMessage(message);
  });
}

function status(text) {
  $("status").textContent = text;
}

/** `{ name, bytes }` for each entry of a dropped directory (top level; a subfolder as `name/`). */
async function readDirectory(entry) {
  const reader = entry.createReader();
  const entries = [];
  for (;;) {
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) break;
    entries.push(...batch);
  }
  return Promise.all(
    entries.map(async (child) => {
      if (child.isDirectory) return { name: `${child.name}/`, bytes: new Uint8Array() };
      const file = await new Promise((resolve, reject) => child.file(resolve, reject));
      return { name: child.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    }),
  );
}

/** `{ name, bytes }` for files picked with webkitdirectory: relative paths `folder/name`. */
async function readPicked(fileList) {
  const files = [...fileList];
  const top = files[0]?.webkitRelativePath.split("/")[0] || "files";
  const subfolders = new Set();
  const out = [];
  for (const file of files) {
    const parts = (file.webkitRelativePath || file.name).split("/").slice(file.webkitRelativePath ? 1 : 0);
    if (parts.length > 1) subfolders.add(`${parts[0]}/`);
    else out.push({ name: parts[0], bytes: new Uint8Array(await file.arrayBuffer()) });
  }
  for (const name of subfolders) out.push({ name, bytes: new Uint8Array() });
  return { folder: top, files: out };
}

async function indexFiles(folder, files) {
  folderName = folder;
  for (const id of ["report", "error", "try", "download"]) $(id).hidden = true;
  document.body.dataset.state = "indexing";
  const bytes = files.reduce((n, f) => n + f.bytes.length, 0);
  status(`已读取 ${files.length} 个文件（${(bytes / 1e6).toFixed(1)} MB），正在建立索引…`);
  const started = performance.now();
  const answer = await ask({ type: "index", folder, files, shards: $("shards").value });
  if (answer.type === "error") {
    status("");
    $("error-message").textContent = answer.message;
    $("error").hidden = false;
    document.body.dataset.state = "failed";
    return;
  }
  site = answer.site;
  const total = site.reduce((n, [, b]) => n + b.length, 0);
  status(`索引已建立：${((performance.now() - started) / 1000).toFixed(1)} 秒，${site.length} 个文件，${(total / 1e6).toFixed(1)} MB。`);
  showReport(answer);
  $("try").hidden = false;
  $("download").hidden = false;
  document.body.dataset.wasmMemory = answer.memory;
  document.body.dataset.state = "indexed";
}

function showReport({ summary, warnings, documents, report }) {
  $("summary").textContent = summary;
  $("warnings").replaceChildren(...warnings.map((w) => Object.assign(document.createElement("li"), { textContent: w })));
  $("documents").tBodies[0].replaceChildren(
    ...documents.map((d) => {
      const row = document.createElement("tr");
      for (const text of [d.doc, d.title, d.number ?? "", d.published ?? ""]) {
        row.append(Object.assign(document.createElement("td"), { textContent: text }));
      }
      return row;
    }),
  );
  $("removed").querySelector("pre").textContent = report || "（无）";
  $("report").hidden = false;
}

async function search(query) {
  const answer = await ask({ type: "search", args: ["search", "--json", "--", query] });
  if (answer.type === "error") {
    $("total").textContent = answer.message;
    $("hits").replaceChildren();
    return;
  }
  const results = JSON.parse(answer.out);
  $("total").textContent = `${results.total} 条结果，${results.partial} 条相关条款`;
  $("hits").replaceChildren(
    ...results.hits.map((hit) => {
      const li = document.createElement("li");
      const where = [hit.title, ...(hit.path ?? []).map((p) => `${p.label}${p.title}`), hit.label].filter(Boolean).join(" › ");
      li.append(
        Object.assign(document.createElement("div"), { className: "where", textContent: where }),
        Object.assign(document.createElement("div"), { className: "text", textContent: hit.snippet?.text ?? hit.text ?? "" }),
      );
      li.dataset.clause = `${hit.doc}#${hit.clause}`;
      return li;
    }),
  );
  document.body.dataset.searched = query;
}

function download() {
  const zipped = zipSync(Object.fromEntries(site.map(([name, bytes]) => [`${folderName}-search/${name}`, bytes])), { level: 6 });
  const link = Object.assign(document.createElement("a"), {
    href: URL.createObjectURL(new Blob([zipped], { type: "application/zip" })),
    download: `${folderName}-search.zip`,
  });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

const drop = $("drop");
drop.addEventListener("dragover", (event) => {
  event.preventDefault();
  drop.classList.add("over");
});
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", async (event) => {
  event.preventDefault();
  drop.classList.remove("over");
  const entries = [...event.dataTransfer.items].map((item) => item.webkitGetAsEntry?.()).filter(Boolean);
  if (entries.length === 1 && entries[0].isDirectory) {
    await indexFiles(entries[0].name, await readDirectory(entries[0]));
  } else {
    // Loose files: the folder is what was dropped.
    const files = await Promise.all([...event.dataTransfer.files].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    await indexFiles("files", files);
  }
});
$("folder").addEventListener("change", async (event) => {
  const { folder, files } = await readPicked(event.target.files);
  if (files.length) await indexFiles(folder, files);
});
$("search").addEventListener("submit", (event) => {
  event.preventDefault();
  search($("query").value);
});
$("zip").addEventListener("click", download);
document.body.dataset.state = "ready";
