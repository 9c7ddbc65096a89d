//! Reading corpus files: a text file's lines, or an HTML page's text with its chrome marked and
//! the metadata its markup carries ([`html`]), each decoded from its encoding ([`decode`]).

pub mod decode;
pub mod html;

use std::path::Path;

use crate::Date;

/// The kinds of file a corpus folder holds, by extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// `*.txt`: a page saved as plain text.
    Text,
    /// `*.html`, `*.htm`: a page saved as is.
    Html,
}

impl FileKind {
    /// The kind of `path`, by its extension (in any case); `None` for any other file.
    pub fn of(path: &Path) -> Option<FileKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(FileKind::Text),
            "html" | "htm" => Some(FileKind::Html),
            _ => None,
        }
    }
}

/// A file read into lines, before cleaning.
#[derive(Clone, Debug, Default)]
pub struct Page {
    /// Its lines in reading order.
    pub lines: Vec<PageLine>,
    /// What its markup says about the document (HTML only).
    pub meta: PageMeta,
    /// How it was read, when that deserves a word (an encoding guessed).
    pub warning: Option<String>,
}

/// One line of a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageLine {
    /// The text, as the page has it.
    pub text: String,
    /// It lies outside the page's main content (site header, navigation, footer): chrome.
    pub outside: bool,
}

/// What a page says about its document, from its markup or its chrome lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// Title (`<meta name="ArticleTitle">`, the index table's 标题, or the header's title line).
    pub title: Option<String>,
    /// The `<title>` element's first part, used when nothing better names the document.
    pub title_tag: Option<String>,
    /// 文号 (发文字号).
    pub number: Option<String>,
    /// Issuing bodies (发文机关, else the signature, else `ContentSource`).
    pub issuer: Vec<String>,
    /// Date it was signed (成文日期, or the signature's date).
    pub signed: Option<Date>,
    /// Date the page was published (发布日期, `PubDate`, the page's date bar).
    pub published: Option<Date>,
    /// The site the page came from (`SiteName`, a contact block's address, a welcome banner).
    pub source: Option<String>,
    /// Subject category (the 信息索引 table's 主题分类, or a page-data line's).
    pub topic: Option<String>,
}
