//! One page → one [`Document`], stage by stage, each stage in its own module: clean every line
//! and note the chrome rule it matches (`source.rs`) → mark the header, before the body
//! (`header.rs`) → lift the signature blocks (`signature.rs`) → mark the footer, after the body
//! (`footer.rs`) → drop label lines inside the body and segment it into clauses (`body.rs`) →
//! gather what the page says about the document, under the manifest (`facts.rs`). A stage marks
//! lines as removed with their [`crate::Rule`] rather than deleting them, so line numbers and the
//! report stay those of the source.

mod body;
mod facts;
mod footer;
mod header;
mod signature;
mod source;

use std::path::PathBuf;

use crate::{Document, DocumentError, Overrides, Page, PageLine, PageMeta, Removed};

/// Cleans and segments one text document. Errors say what is wrong, without the file name.
pub fn parse_document(doc: &str, text: &str, overrides: Option<&Overrides>) -> Result<Document, DocumentError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    refuse_non_text(text)?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines = text.lines().map(|l| PageLine { text: l.to_string(), outside: false }).collect();
    parse_page(doc, Page { lines, meta: PageMeta::default(), warning: None }, overrides)
}

/// Cleans and segments one page as [`crate::read`] gives it (a text file, or an HTML page's
/// text with what lies outside its main content marked). Errors say what is wrong, without the
/// file name.
pub fn parse_page(doc: &str, page: Page, overrides: Option<&Overrides>) -> Result<Document, DocumentError> {
    if page.lines.iter().all(|l| l.outside || l.text.trim().is_empty()) {
        return Err(DocumentError::Empty);
    }
    let mut lines = source::clean_lines(page.lines);
    let body_start = header::take_header(&mut lines)?;
    let signature = signature::take_signatures(&mut lines, body_start);
    let last_signed = signature.as_ref().map_or(body_start, |s| s.line);
    footer::drop_footer(&mut lines, body_start, last_signed);
    body::drop_labels(&mut lines[body_start..]);
    let facts = facts::page_facts(page.meta, &lines, body_start, signature);
    let (clauses, split) = body::segment_body(&lines[body_start..])?;
    let meta = facts::document_meta(doc, overrides, facts, &clauses)?;
    let removed =
        lines.into_iter().filter_map(|l| Some(Removed { line: l.no, rule: l.removed?, text: l.text })).collect();
    Ok(Document { meta, clauses, removed, split, file: PathBuf::new(), warning: page.warning })
}

/// Refuses an empty file and a web page saved as .txt by name, rather than failing later on
/// "no title found".
fn refuse_non_text(text: &str) -> Result<(), DocumentError> {
    if text.trim().is_empty() {
        return Err(DocumentError::Empty);
    }
    let head: String = text.trim_start().chars().take(200).collect::<String>().to_ascii_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<head>")
        || head.contains("<body")
    {
        return Err(DocumentError::Html);
    }
    Ok(())
}
