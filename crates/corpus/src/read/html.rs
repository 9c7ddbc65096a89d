//! An HTML page (parsed by html5ever, through `scraper`) as lines of text: its main content,
//! with everything outside it (site header, navigation, footer) marked as chrome, and the
//! metadata gov.cn and provincial portals carry in meta tags and the 信息索引 table.
//!
//! **Main content.** Each element is scored by the Han characters of its own text and of its
//! child blocks (the paragraphs it holds); the best is the densest block. Its nearest
//! `<article>` or `<main>` is the main content if it has one; otherwise the block grows to its
//! parent while the parent adds at most a quarter more text (a title, a date line, a signature
//! beside the paragraphs), so that nothing of the document is left outside. `nav`, `header`,
//! `footer`, `aside` and `form` are chrome wherever they are; `script`, `style`, `noscript`,
//! `template` and `head` are not text.
//!
//! **Lines.** Block elements (`p`, `div`, `li`, `tr`, `h1`…, `br`) end a line; table cells are
//! joined by a space, as a text file writes a table.

use scraper::{ElementRef, Html, Node, Selector};

use super::{Page, PageLine, PageMeta};
use crate::{clean::whitespace::tighten_spaces, date::find_date, Date};
use policy_search_normalize::{fold, is_han, FoldTable};

/// Elements that are never text.
const NOT_TEXT: &[&str] = &["script", "style", "noscript", "template", "head", "select", "option"];
/// Elements that are site chrome wherever they stand.
const CHROME: &[&str] = &["nav", "header", "footer", "aside", "form"];
/// Elements that end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "form",
    "blockquote",
    "pre",
    "hr",
    "center",
    "address",
    "figure",
    "figcaption",
    "caption",
];

/// Reads a decoded HTML page.
pub fn page(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let body = select_first(&doc, "body").unwrap_or_else(|| doc.root_element());
    let main = main_content(body);
    let mut lines = Lines::default();
    render(body, false, main.map(|m| m.id()) == Some(body.id()), main, &mut lines);
    lines.end_line();
    Page { lines: lines.done, meta: meta(&doc), warning: None }
}

fn select_first<'a>(doc: &'a Html, css: &str) -> Option<ElementRef<'a>> {
    let selector = Selector::parse(css).ok()?;
    doc.select(&selector).next()
}

fn name<'a>(el: ElementRef<'a>) -> &'a str {
    el.value().name()
}

fn children(el: ElementRef) -> impl Iterator<Item = ElementRef> {
    el.children().filter_map(ElementRef::wrap)
}

fn han(text: &str) -> usize {
    text.chars().filter(|&c| is_han(c)).count()
}

/// Han characters of the text below `el`, chrome and non-text elements left out; with
/// `nested_blocks` false, only the text it holds outside any block of its own.
fn han_below(el: ElementRef, nested_blocks: bool) -> usize {
    el.children()
        .map(|child| match child.value() {
            Node::Text(t) => han(t),
            Node::Element(e)
                if !NOT_TEXT.contains(&e.name())
                    && !CHROME.contains(&e.name())
                    && (nested_blocks || !BLOCKS.contains(&e.name())) =>
            {
                ElementRef::wrap(child).map_or(0, |c| han_below(c, nested_blocks))
            }
            _ => 0,
        })
        .sum()
}

fn own_text(el: ElementRef) -> usize {
    han_below(el, false)
}

fn all_text(el: ElementRef) -> usize {
    han_below(el, true)
}

/// The element holding the document: see the module comment.
fn main_content(body: ElementRef) -> Option<ElementRef> {
    let mut best: Option<(usize, ElementRef)> = None;
    let mut stack = vec![body];
    while let Some(el) = stack.pop() {
        if NOT_TEXT.contains(&name(el)) || CHROME.contains(&name(el)) {
            continue;
        }
        let score = own_text(el) + children(el).filter(|c| BLOCKS.contains(&name(*c))).map(own_text).sum::<usize>();
        // Ties go to the element that comes first (the stack is walked in document order).
        if score > 0 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, el));
        }
        stack.extend(children(el).collect::<Vec<_>>().into_iter().rev());
    }
    let (_, block) = best?;
    let landmark = block.ancestors().filter_map(ElementRef::wrap).find(|a| ["article", "main"].contains(&name(*a)));
    if let Some(landmark) = landmark.filter(|_| !["article", "main"].contains(&name(block))) {
        return Some(landmark);
    }
    let mut main = block;
    // Never past the body: a page with little chrome would otherwise grow to `<html>`, which
    // the body's rendering never enters, and lose its whole text.
    while let Some(parent) = main.parent().and_then(ElementRef::wrap).filter(|_| main.id() != body.id()) {
        if name(main) == "article" || name(main) == "main" || all_text(parent) * 4 > all_text(main) * 5 {
            break;
        }
        main = parent;
    }
    Some(main)
}

/// Lines being built, each marked outside the main content or not.
#[derive(Default)]
struct Lines {
    done: Vec<PageLine>,
    line: String,
    outside: bool,
}

impl Lines {
    fn push(&mut self, text: &str, outside: bool) {
        if text.trim().is_empty() {
            if !self.line.is_empty() {
                self.line.push(' ');
            }
            return;
        }
        if outside != self.outside && !self.line.trim().is_empty() {
            self.end_line();
        }
        if self.line.trim().is_empty() {
            self.outside = outside;
        }
        // Markup's line breaks and indentation are spaces; the cleaner unifies them.
        self.line.extend(text.chars().map(|c| if c.is_ascii_whitespace() { ' ' } else { c }));
    }

    fn end_line(&mut self) {
        if !self.line.trim().is_empty() {
            self.done.push(PageLine { text: std::mem::take(&mut self.line), outside: self.outside });
        }
        self.line.clear();
    }
}

fn render(el: ElementRef, chrome: bool, inside: bool, main: Option<ElementRef>, out: &mut Lines) {
    let tag = name(el);
    if NOT_TEXT.contains(&tag) {
        return;
    }
    let chrome = chrome || CHROME.contains(&tag);
    let inside = inside || main.is_some_and(|m| m.id() == el.id());
    let block = BLOCKS.contains(&tag);
    if block {
        out.end_line();
    }
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push(t, chrome || !inside),
            Node::Element(_) => {
                if let Some(child) = ElementRef::wrap(child) {
                    render(child, chrome, inside, main, out);
                }
            }
            _ => {}
        }
    }
    if block {
        out.end_line();
    } else if tag == "td" || tag == "th" {
        out.push(" ", chrome || !inside);
    }
}

/// Metadata from `<meta name=…>` tags, the `<title>`, and the 信息索引 table's label cells.
fn meta(doc: &Html) -> PageMeta {
    let full = FoldTable::full();
    let date = |s: &str| -> Option<Date> { find_date(&fold(&compact(s), full)).map(|(d, _)| d) };
    let tag = |key: &str| -> Option<String> {
        let selector = Selector::parse("meta[name][content]").ok()?;
        doc.select(&selector)
            .find(|m| m.attr("name").is_some_and(|n| n.eq_ignore_ascii_case(key)))
            .and_then(|m| m.attr("content"))
            .map(|c| tighten_spaces(&crate::clean::whitespace::unify_spaces(c)))
            .filter(|c| !c.is_empty())
    };
    let cells = index_cells(doc);
    let cell = |labels: &[&str]| cells.iter().find(|(l, _)| labels.contains(&l.as_str())).map(|(_, v)| v.clone());
    let mut issuer: Vec<String> = cell(&["发文机关", "發文機關", "发布机构", "发文单位"])
        .map(|v| v.split(['、', '，', ',']).filter(|s| !s.is_empty()).map(str::to_string).collect())
        .unwrap_or_default();
    if issuer.is_empty() {
        issuer.extend(tag("ContentSource"));
    }
    PageMeta {
        title: tag("ArticleTitle").or_else(|| cell(&["标题", "標題", "名称", "名稱"])),
        title_tag: select_first(doc, "title")
            .map(|t| title_part(&t.text().collect::<String>()))
            .filter(|t| !t.is_empty()),
        number: cell(&["发文字号", "發文字號", "文号", "文號"]),
        issuer,
        signed: cell(&["成文日期"]).as_deref().and_then(date),
        published: cell(&["发布日期", "發布日期"])
            .as_deref()
            .and_then(date)
            .or_else(|| tag("PubDate").as_deref().and_then(date)),
        source: tag("SiteName"),
        topic: cell(crate::meta::TOPIC_LABELS),
    }
}

fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// `关于…的通知_国务院文件_中国政府网` → `关于…的通知`: a `<title>` ends with the site's name.
fn title_part(title: &str) -> String {
    let title = tighten_spaces(&crate::clean::whitespace::unify_spaces(title));
    let end = ['_', '|', '｜'].iter().filter_map(|c| title.find(*c)).chain(title.find(" - ")).min();
    title[..end.unwrap_or(title.len())].trim().to_string()
}

/// The (label, value) pairs of the page's label cells: `<td>发文字号：</td><td>国发〔2024〕1号</td>`
/// or `<td>发文字号：国发〔2024〕1号</td>` or `<th>发文字号</th><td>…`; labels lose their spaces and colon (`索 引 号：`).
fn index_cells(doc: &Html) -> Vec<(String, String)> {
    let Ok(selector) = Selector::parse("td, th") else { return Vec::new() };
    let cells: Vec<String> = doc.select(&selector).map(|c| compact(&c.text().collect::<String>())).collect();
    let mut pairs = Vec::new();
    for (i, cell) in cells.iter().enumerate() {
        let (label, value) = match cell.split_once(['：', ':']) {
            Some((l, v)) if !v.is_empty() => (l, v.to_string()),
            Some((l, _)) => (l, cells.get(i + 1).cloned().unwrap_or_default()),
            // `<th>发文机关</th><td>国务院</td>`: a short all-Han cell labels the next one.
            None if cell.chars().all(is_han) => (cell.as_str(), cells.get(i + 1).cloned().unwrap_or_default()),
            None => continue,
        };
        if (2..=5).contains(&label.chars().count()) && !value.is_empty() {
            pairs.push((label.to_string(), value));
        }
    }
    pairs
}
