//! Why a corpus folder is refused. Every [`CorpusError`] names the file; its message is what the
//! build prints, so a portal editor can fix the file without reading code.

use std::{
    io,
    path::{Path, PathBuf},
};

use crate::Date;

/// A corpus folder that cannot be built, with the file at fault.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// A file or folder could not be read (missing, permissions, a broken link).
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// A corpus file's bytes are text in none of the encodings tried (UTF-8, the one an HTML
    /// page declares, GB18030).
    #[error("{}: not text in {tried} (the first byte that is not UTF-8 is at offset {offset})", path.display())]
    Undecodable {
        /// The file.
        path: PathBuf,
        /// The encodings tried, e.g. `UTF-8 or gb18030`.
        tried: String,
        /// Byte offset of the first byte that is not UTF-8.
        offset: usize,
    },
    /// A corpus file was read but holds no usable document.
    #[error("{}: {source}", path.display())]
    Document {
        /// The file.
        path: PathBuf,
        /// What is wrong with its text.
        source: DocumentError,
    },
    /// A second copy of a document already read (a re-scrape, a copy), which would show every
    /// clause twice.
    #[error("{}: the same document as {first} ({title})", path.display())]
    Duplicate {
        /// The later file.
        path: PathBuf,
        /// The name of the file read first.
        first: String,
        /// The document's title.
        title: String,
    },
    /// A link that leads out of the folder: the corpus is what the folder holds.
    #[error("{}: links to {}, outside the corpus folder", path.display(), target.display())]
    LinkOutside {
        /// The link.
        path: PathBuf,
        /// Where it leads.
        target: PathBuf,
    },
    /// A file that is neither `*.txt`, `*.html`, `*.htm` nor `manifest.toml` (nor hidden, which is
    /// skipped).
    #[error("{}: not a corpus file (expected *.txt, *.html, *.htm or manifest.toml)", path.display())]
    NotCorpusFile {
        /// The file.
        path: PathBuf,
    },
    /// The folder holds no `*.txt` or `*.html` file.
    #[error("{}: no *.txt or *.html documents", path.display())]
    NoDocuments {
        /// The folder.
        path: PathBuf,
    },
    /// A manifest states a validity that is none of [`crate::manifest::VALIDITY`].
    #[error("{}: {key} = {value:?} is not a validity (one of {})", path.display(), crate::manifest::VALIDITY.join(", "))]
    ManifestStatus {
        /// The manifest.
        path: PathBuf,
        /// The key, `files."stem".status`.
        key: String,
        /// The value given.
        value: String,
    },
    /// The manifest is not TOML of the expected shape (a syntax error, an unknown key).
    #[error("{}: {source}", path.display())]
    ManifestSyntax {
        /// The manifest.
        path: PathBuf,
        /// What the TOML reader said, with the line.
        source: toml::de::Error,
    },
    /// A manifest date that is not `YYYY-MM-DD`.
    #[error("{}: {key}: {value:?} is not a date of the form YYYY-MM-DD", path.display())]
    ManifestDate {
        /// The manifest.
        path: PathBuf,
        /// The key, e.g. `files."001_x".effective`.
        key: String,
        /// The value as written.
        value: String,
    },
    /// A manifest period that is not a span of years such as `2021~2025`.
    #[error("{}: {key}: period {value:?} is not of the form 2021~2025", path.display())]
    ManifestPeriod {
        /// The manifest.
        path: PathBuf,
        /// The key, e.g. `files."001_x".period`.
        key: String,
        /// The value as written.
        value: String,
    },
    /// A manifest key naming another document (`interprets`, `amends`, `superseded_by`) that
    /// names no file of the folder, or the document itself.
    #[error("{}: {key} = {value:?} {problem}", path.display())]
    ManifestLink {
        /// The manifest.
        path: PathBuf,
        /// The key, e.g. `files."002_x".interprets`.
        key: String,
        /// The file stem it names.
        value: String,
        /// What is wrong with it.
        problem: &'static str,
    },
    /// A popular search the manifest lists that is empty, too long, or one too many.
    #[error("{}: popular: {value:?} {problem}", path.display())]
    ManifestPopular {
        /// The manifest.
        path: PathBuf,
        /// The entry.
        value: String,
        /// What is wrong with it.
        problem: &'static str,
    },
    /// A manifest entry for a file the folder does not hold (a typo, a renamed file).
    #[error("{}: files.\"{stem}\": no such file {stem}.txt in {}", path.display(), dir.display())]
    ManifestNoSuchFile {
        /// The manifest.
        path: PathBuf,
        /// The entry's file stem.
        stem: String,
        /// The corpus folder.
        dir: PathBuf,
    },
}

impl CorpusError {
    /// For `map_err`: an I/O failure on `path`.
    pub(crate) fn io(path: &Path) -> impl FnOnce(io::Error) -> CorpusError + '_ {
        move |source| CorpusError::Io { path: path.to_path_buf(), source }
    }
}

/// What is wrong with one document's text; [`CorpusError::Document`] adds the file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    /// Nothing but whitespace.
    #[error("the file is empty")]
    Empty,
    /// A web page saved as .txt: said so, rather than failing later on "no title found".
    #[error("this is an HTML page, not text: name it .html to have it read as one")]
    Html,
    /// Every line was removed as chrome, spam or header.
    #[error("no policy text: every line is chrome, spam or header")]
    NoPolicyText,
    /// The body holds no clause.
    #[error("yields no clause")]
    NoClause,
    /// No title line was found and the manifest gives none.
    #[error("no title found: give one in seeds/manifest.toml")]
    NoTitle,
    /// The title (from the manifest) is blank.
    #[error("the title is empty")]
    EmptyTitle,
    /// It would take effect after it expires.
    #[error("it takes effect on {effective}, after it expires on {expires}: check the dates")]
    DatesOutOfOrder {
        /// Date it takes effect.
        effective: Date,
        /// Last day in force.
        expires: Date,
    },
}
