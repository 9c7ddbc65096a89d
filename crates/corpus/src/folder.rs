//! A corpus folder: which files it holds and how each is read ([`load_dir`]), and what the build
//! says about it afterwards ([`Corpus`]'s report, summary and warnings). A bad file, a link out
//! of the folder, a manifest entry for a missing file and the same document twice are errors
//! naming the file; everything past reading one page is [`crate::page`]'s.

use std::{
    fs,
    path::{Path, PathBuf},
};

use crate::{
    page::{parse_document, parse_page},
    read::{self, FileKind},
    CorpusError, Document, Manifest, MAX_CLAUSE_CHARS,
};

/// All documents of a corpus folder.
#[derive(Debug)]
pub struct Corpus {
    /// Documents in file-name order.
    pub documents: Vec<Document>,
    /// The manifest's own thesaurus rules (Solr syntax), checked by the build.
    pub synonyms: Vec<String>,
    /// The manifest's popular searches (热门搜索), in its order.
    pub popular: Vec<String>,
    /// Files of the folder that were not read, each with why (the build prints them).
    pub skipped: Vec<String>,
    /// The folder it was read from.
    pub dir: PathBuf,
}

impl Corpus {
    /// What the build says about single files without failing, one line each: files not read
    /// (hidden ones) and files read in an encoding that had to be guessed.
    pub fn warnings(&self) -> Vec<String> {
        self.skipped.iter().cloned().chain(self.documents.iter().filter_map(|d| d.warning.clone())).collect()
    }

    /// [`Corpus::warnings`], then every clause that was split because it was longer than
    /// [`MAX_CLAUSE_CHARS`].
    pub fn report(&self) -> Vec<String> {
        let splits = self.documents.iter().flat_map(|d| {
            d.split.iter().map(|s| {
                format!(
                    "{}: clause {} ({} characters) split into {} clauses of at most {MAX_CLAUSE_CHARS} characters",
                    d.file.display(),
                    s.clause,
                    s.chars,
                    s.pieces
                )
            })
        });
        self.warnings().into_iter().chain(splits).collect()
    }

    /// The removed-lines report the build writes beside the index: one line per removed line
    /// (`file:line: rule: text`), then [`Corpus::report`].
    pub fn removed_report(&self) -> String {
        let removed = self.documents.iter().flat_map(|d| {
            d.removed.iter().map(move |r| format!("{}:{}: {}: {}", d.file.display(), r.line, r.rule, r.text))
        });
        removed.chain(self.report()).map(|line| line + "\n").collect()
    }

    /// One line for the build's output: documents, clauses, removed lines (and where the report
    /// is), files skipped or read in a guessed encoding, clauses split.
    pub fn summary(&self, report: &Path) -> String {
        let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let clauses = self.documents.iter().map(|d| d.clauses.len()).sum();
        let removed = self.documents.iter().map(|d| d.removed.len()).sum();
        let mut parts = vec![
            count(self.documents.len(), "document", "documents"),
            count(clauses, "clause", "clauses"),
            format!("{} (see {})", count(removed, "line removed", "lines removed"), report.display()),
        ];
        let guessed = self.documents.iter().filter(|d| d.warning.is_some()).count();
        let split = self.documents.iter().map(|d| d.split.len()).sum();
        for (n, one, many) in [
            (self.skipped.len(), "file skipped", "files skipped"),
            (guessed, "file not UTF-8", "files not UTF-8"),
            (split, "long clause split", "long clauses split"),
        ] {
            if n > 0 {
                parts.push(count(n, one, many));
            }
        }
        format!("policy-search corpus: {}", parts.join(", "))
    }
}

/// Reads every `*.txt`, `*.html` and `*.htm` in `dir` and its optional `manifest.toml`
/// (docs/corpus.md): the folder's files are listed and read here, and [`load_files`] makes
/// the corpus of them.
///
/// Any problem is an error naming the file.
pub fn load_dir(dir: &Path) -> Result<Corpus, CorpusError> {
    let io = CorpusError::io;
    let root = fs::canonicalize(dir).map_err(io(dir))?;
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(io(dir))? {
        let path = entry.map_err(io(dir))?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        if name.starts_with('.') {
            // Not read: load_files reports it as skipped.
            files.push(CorpusFile { name, bytes: Vec::new() });
            continue;
        }
        // A link may not lead out of the folder: the corpus is what the folder holds.
        let target = fs::canonicalize(&path).map_err(io(&path))?;
        if !target.starts_with(&root) {
            return Err(CorpusError::LinkOutside { path, target });
        }
        if !path.is_file() || (name != "manifest.toml" && FileKind::of(&path).is_none()) {
            return Err(CorpusError::NotCorpusFile { path });
        }
        let bytes = fs::read(&path).map_err(io(&path))?;
        files.push(CorpusFile { name, bytes });
    }
    load_files(dir, files)
}

/// One file of a corpus folder: its name in the folder and its bytes.
#[derive(Clone, Debug)]
pub struct CorpusFile {
    /// The file name, without the folder.
    pub name: String,
    /// Its contents.
    pub bytes: Vec<u8>,
}

/// The corpus of the files of folder `dir` (every file of it, `manifest.toml` included, in
/// any order), as [`load_dir`] reads a folder from disk: for callers that have the files but
/// no file system (the indexer in wasm). `dir` only names the files in messages.
///
/// Any problem is an error naming the file.
pub fn load_files(dir: &Path, mut files: Vec<CorpusFile>) -> Result<Corpus, CorpusError> {
    let manifest_path = dir.join("manifest.toml");
    let manifest = match files.iter().position(|f| f.name == "manifest.toml") {
        Some(i) => {
            let text = String::from_utf8(files.remove(i).bytes).map_err(|_| CorpusError::Io {
                path: manifest_path.clone(),
                source: std::io::Error::new(std::io::ErrorKind::InvalidData, "stream did not contain valid UTF-8"),
            })?;
            Manifest::parse(&text, &manifest_path)?
        }
        None => Manifest::default(),
    };

    let mut read = Vec::new();
    let mut skipped = Vec::new();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    for file in files {
        let path = dir.join(&file.name);
        if file.name.starts_with('.') {
            skipped.push(format!("{}: skipped, a hidden file", path.display()));
            continue;
        }
        // A file of a subfolder is not one of this folder's (load_dir refuses a subfolder).
        if file.name.contains(['/', '\\']) {
            return Err(CorpusError::NotCorpusFile { path });
        }
        match FileKind::of(&path) {
            Some(kind) => read.push((path, kind, file.bytes)),
            None => return Err(CorpusError::NotCorpusFile { path }),
        }
    }

    let stem = |p: &Path| p.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
    for name in manifest.files.keys() {
        if !read.iter().any(|(p, _, _)| &stem(p) == name) {
            return Err(CorpusError::ManifestNoSuchFile {
                path: manifest_path,
                stem: name.clone(),
                dir: dir.to_path_buf(),
            });
        }
    }

    for (from, o) in &manifest.files {
        for (key, to) in crate::manifest::links(o) {
            if let Some(to) = to.filter(|to| !read.iter().any(|(p, _, _)| stem(p) == *to)) {
                return Err(CorpusError::ManifestLink {
                    path: manifest_path,
                    key: format!("files.\"{from}\".{key}"),
                    value: to.to_string(),
                    problem: "names no file of the folder",
                });
            }
        }
    }

    let mut documents: Vec<Document> = Vec::new();
    // Each file's bytes are dropped once it is parsed.
    for (path, kind, bytes) in read {
        let (path, kind) = (&path, &kind);
        let doc = read_document(path, *kind, &bytes, &stem(path), &manifest)?;
        // The same document twice (a re-scrape, a copy, page.html beside page.txt) would show
        // every clause twice.
        let same = |d: &Document| {
            (d.meta.title == doc.meta.title && d.meta.number == doc.meta.number)
                || d.clauses.iter().map(|c| &c.text).eq(doc.clauses.iter().map(|c| &c.text))
        };
        if let Some(first) = documents.iter().find(|d| same(d)) {
            return Err(CorpusError::Duplicate {
                path: path.clone(),
                first: first.file.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string(),
                title: doc.meta.title,
            });
        }
        documents.push(doc);
    }
    if documents.is_empty() {
        return Err(CorpusError::NoDocuments { path: dir.to_path_buf() });
    }
    Ok(Corpus { documents, synonyms: manifest.synonyms, popular: manifest.popular, skipped, dir: dir.to_path_buf() })
}

/// Reads, decodes and parses one file; its manifest entry is the one named by its stem.
fn read_document(
    path: &Path,
    kind: FileKind,
    bytes: &[u8],
    stem: &str,
    manifest: &Manifest,
) -> Result<Document, CorpusError> {
    let undecodable = |e: read::decode::Undecodable| CorpusError::Undecodable {
        path: path.to_path_buf(),
        tried: e.tried,
        offset: e.offset,
    };
    let overrides = manifest.files.get(stem);
    let (parsed, guessed) = match kind {
        FileKind::Text => {
            let (text, guessed) = read::decode::text(bytes).map_err(undecodable)?;
            (parse_document(stem, &text, overrides), guessed)
        }
        FileKind::Html => {
            let (text, guessed) = read::decode::html(bytes).map_err(undecodable)?;
            (parse_page(stem, read::html::page(&text), overrides), guessed)
        }
    };
    let mut doc = parsed.map_err(|source| CorpusError::Document { path: path.to_path_buf(), source })?;
    doc.file = path.to_path_buf();
    doc.warning = guessed.map(|e| format!("{}: not UTF-8, read as {e}", path.display()));
    Ok(doc)
}
