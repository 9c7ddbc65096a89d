//! A corpus folder with a bad file fails with an error naming the file and the problem (its
//! variant, and the message the build prints); a file that is not read is reported. Folders are
//! made under Cargo's target temp dir (ignored).

use std::{
    fs,
    path::{Path, PathBuf},
};

use policy_search_corpus::{load_dir, CorpusError, DocumentError};

/// A fresh corpus folder holding a copy of seed 002 as `a.txt`, plus `files`.
fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("corpus-cases").join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let seed = fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with("002"))
        .unwrap();
    fs::copy(seed, dir.join("a.txt")).unwrap();
    for (file, text) in files {
        fs::write(dir.join(file), text).unwrap();
    }
    dir
}

fn error(dir: &Path) -> CorpusError {
    load_dir(dir).expect_err("the folder is refused")
}

/// The error's file name, for matching on variants.
fn file(path: &Path) -> &str {
    path.file_name().and_then(|n| n.to_str()).unwrap_or_default()
}

#[test]
fn an_html_page_saved_as_text_is_named() {
    let dir = folder(
        "html",
        &[("page.txt", "<!DOCTYPE html>\n<html><head><title>关于印发的通知</title></head><body>正文</body></html>")],
    );
    let e = error(&dir);
    assert!(
        matches!(&e, CorpusError::Document { path, source: DocumentError::Html } if file(path) == "page.txt"),
        "{e:?}"
    );
    let e = e.to_string();
    assert!(e.contains("page.txt") && e.contains("HTML"), "{e}");
}

#[test]
fn an_empty_title_is_named() {
    let dir = folder("empty-title", &[("manifest.toml", "[files.a]\ntitle = \"  \"\n")]);
    let e = error(&dir);
    assert!(
        matches!(&e, CorpusError::Document { path, source: DocumentError::EmptyTitle } if file(path) == "a.txt"),
        "{e:?}"
    );
    let e = e.to_string();
    assert!(e.contains("a.txt") && e.contains("title is empty"), "{e}");
}

#[test]
fn dates_in_the_wrong_order_are_named() {
    let dir =
        folder("dates", &[("manifest.toml", "[files.a]\neffective = \"2020-01-01\"\nexpires = \"2019-12-31\"\n")]);
    let e = error(&dir);
    let wrong_order = |d: &DocumentError| {
        matches!(d, DocumentError::DatesOutOfOrder { effective, expires }
            if effective.to_string() == "2020-01-01" && expires.to_string() == "2019-12-31")
    };
    assert!(
        matches!(&e, CorpusError::Document { path, source } if file(path) == "a.txt" && wrong_order(source)),
        "{e:?}"
    );
    let e = e.to_string();
    assert!(e.contains("a.txt") && e.contains("2020-01-01") && e.contains("2019-12-31"), "{e}");
}

#[test]
fn the_same_document_twice_is_named() {
    let dir = folder("duplicate", &[]);
    fs::copy(dir.join("a.txt"), dir.join("b.txt")).unwrap();
    let e = error(&dir);
    assert!(
        matches!(&e, CorpusError::Duplicate { path, first, .. } if file(path) == "b.txt" && first == "a.txt"),
        "{e:?}"
    );
    let e = e.to_string();
    assert!(e.contains("b.txt") && e.contains("the same document as a.txt"), "{e}");
}

#[test]
fn a_link_out_of_the_folder_is_named() {
    let dir = folder("link", &[]);
    let outside = dir.parent().unwrap().join("outside.txt");
    fs::copy(dir.join("a.txt"), &outside).unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("b.txt")).unwrap();
    let e = error(&dir);
    assert!(
        matches!(&e, CorpusError::LinkOutside { path, target } if file(path) == "b.txt" && file(target) == "outside.txt"),
        "{e:?}"
    );
    let e = e.to_string();
    assert!(e.contains("b.txt") && e.contains("outside the corpus folder"), "{e}");
}

#[test]
fn a_hidden_file_is_skipped_and_reported() {
    let dir = folder("hidden", &[(".draft.txt", "草稿")]);
    let corpus = load_dir(&dir).unwrap();
    assert_eq!(corpus.documents.len(), 1);
    assert!(corpus.skipped.iter().any(|s| s.contains(".draft.txt") && s.contains("hidden")), "{:?}", corpus.skipped);
}

#[test]
fn every_other_failure_has_its_variant_and_its_message() {
    let case = |name: &str, files: &[(&str, &[u8])]| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("corpus-cases").join(name);
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        for (file, bytes) in files {
            fs::write(dir.join(file), bytes).unwrap();
        }
        (error(&dir), dir)
    };
    let ok = "关于测试的通知\n一、总则\n(一)本通知用于测试。内容。\n".as_bytes();

    let (e, dir) = case("not-utf8", &[("a.txt", &[0x41, 0xff, 0xfe])]);
    assert!(matches!(&e, CorpusError::Undecodable { offset: 1, tried, .. } if tried == "UTF-8 or gb18030"), "{e:?}");
    assert_eq!(
        e.to_string(),
        format!(
            "{}: not text in UTF-8 or gb18030 (the first byte that is not UTF-8 is at offset 1)",
            dir.join("a.txt").display()
        )
    );

    let document = |e: &CorpusError| match e {
        CorpusError::Document { path, source } if file(path) == "a.txt" => Some(source.clone()),
        _ => None,
    };
    let (e, dir) = case("empty", &[("a.txt", b" \n\n")]);
    assert_eq!(document(&e), Some(DocumentError::Empty));
    assert_eq!(e.to_string(), format!("{}: the file is empty", dir.join("a.txt").display()));
    let (e, _) = case("chrome-only", &[("a.txt", "首页\n关闭\n".as_bytes())]);
    assert_eq!(document(&e), Some(DocumentError::NoPolicyText));
    let (e, _) = case("no-title", &[("a.txt", "一、总则\n(一)本办法用于测试。内容。\n".as_bytes())]);
    assert_eq!(document(&e), Some(DocumentError::NoTitle));
    assert!(e.to_string().ends_with("a.txt: no title found: give one in seeds/manifest.toml"), "{e}");

    let (e, dir) = case("other-file", &[("a.txt", ok), ("notes.md", b"hi")]);
    assert!(matches!(&e, CorpusError::NotCorpusFile { path } if file(path) == "notes.md"), "{e:?}");
    assert_eq!(
        e.to_string(),
        format!(
            "{}: not a corpus file (expected *.txt, *.html, *.htm or manifest.toml)",
            dir.join("notes.md").display()
        )
    );
    let (e, dir) = case("no-documents", &[(".hidden.txt", ok)]);
    assert!(matches!(&e, CorpusError::NoDocuments { path } if path == &dir), "{e:?}");
    assert_eq!(e.to_string(), format!("{}: no *.txt or *.html documents", dir.display()));

    let (e, dir) = case("unknown-file", &[("a.txt", ok), ("manifest.toml", b"[files.\"b\"]\ntitle = \"x\"\n")]);
    assert!(matches!(&e, CorpusError::ManifestNoSuchFile { stem, .. } if stem == "b"), "{e:?}");
    let manifest = dir.join("manifest.toml");
    assert_eq!(e.to_string(), format!("{}: files.\"b\": no such file b.txt in {}", manifest.display(), dir.display()));
    let (e, _) = case("unknown-key", &[("a.txt", ok), ("manifest.toml", b"[files.\"a\"]\nauthor = \"x\"\n")]);
    assert!(matches!(&e, CorpusError::ManifestSyntax { path, .. } if file(path) == "manifest.toml"), "{e:?}");
    assert!(e.to_string().contains("author"), "{e}");
    let (e, _) = case("bad-date", &[("a.txt", ok), ("manifest.toml", b"[files.\"a\"]\nexpires = \"2019-13-01\"\n")]);
    assert!(matches!(&e, CorpusError::ManifestDate { value, .. } if value == "2019-13-01"), "{e:?}");
    let (e, dir) = case("bad-link", &[("a.txt", ok), ("manifest.toml", b"[files.\"a\"]\ninterprets = \"b\"\n")]);
    assert!(matches!(&e, CorpusError::ManifestLink { value, .. } if value == "b"), "{e:?}");
    let manifest = dir.join("manifest.toml");
    assert_eq!(
        e.to_string(),
        format!("{}: files.\"a\".interprets = \"b\" names no file of the folder", manifest.display())
    );
    let (e, _) = case("self-link", &[("a.txt", ok), ("manifest.toml", b"[files.\"a\"]\nsuperseded_by = \"a\"\n")]);
    assert!(e.to_string().ends_with("files.\"a\".superseded_by = \"a\" is the document itself"), "{e}");
    let (e, dir) = case("empty-popular", &[("a.txt", ok), ("manifest.toml", b"popular = [\"q\", \" \"]\n")]);
    assert_eq!(e.to_string(), format!("{}: popular: \" \" is empty", dir.join("manifest.toml").display()));
    let long = format!("popular = [\"{}\"]\n", "长".repeat(65));
    let (e, _) = case("long-popular", &[("a.txt", ok), ("manifest.toml", long.as_bytes())]);
    assert!(matches!(&e, CorpusError::ManifestPopular { problem, .. } if problem.contains("64")), "{e:?}");
    let many = format!("popular = [{}]\n", (0..21).map(|i| format!("\"q{i}\"")).collect::<Vec<_>>().join(", "));
    let (e, _) = case("many-popular", &[("a.txt", ok), ("manifest.toml", many.as_bytes())]);
    assert!(e.to_string().ends_with("popular: \"q20\" is one more than the 20 popular searches shown"), "{e}");
    let (e, _) = case("bad-written", &[("a.txt", ok), ("manifest.toml", b"[files.\"a\"]\nwritten = \"2019\"\n")]);
    assert!(matches!(&e, CorpusError::ManifestDate { key, .. } if key == "files.\"a\".written"), "{e:?}");
    let (e, _) = case("bad-period", &[("a.txt", ok), ("manifest.toml", b"[files.\"a\"]\nperiod = \"2025~2021\"\n")]);
    assert!(matches!(&e, CorpusError::ManifestPeriod { value, .. } if value == "2025~2021"), "{e:?}");

    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("corpus-cases").join("stated-status");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("a.txt"), ok).unwrap();
    fs::write(dir.join("manifest.toml"), "[files.a]\nstatus = \"有效\"\n").unwrap();
    let e = load_dir(&dir).unwrap_err();
    assert!(matches!(&e, CorpusError::ManifestStatus { value, .. } if value == "有效"), "{e:?}");
    assert!(e.to_string().contains("files.\"a\".status = \"有效\" is not a validity"), "{e}");
    fs::write(dir.join("manifest.toml"), "[files.a]\nstatus = \"已失效\"\n").unwrap();
    assert_eq!(load_dir(&dir).unwrap().documents[0].meta.status.as_deref(), Some("已失效"));

    let e = load_dir(&dir.join("missing")).unwrap_err();
    assert!(matches!(&e, CorpusError::Io { path, .. } if file(path) == "missing"), "{e:?}");
    assert!(e.to_string().starts_with(&format!("{}: ", dir.join("missing").display())), "{e}");
}
