//! A corpus folder with a bad file fails with a message naming the file and the problem; a file
//! that is not read is reported. Folders are made under Cargo's target temp dir (ignored).

use std::{
    fs,
    path::{Path, PathBuf},
};

use policy_search_corpus::{load_dir, Date};

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

fn error(dir: &Path) -> String {
    load_dir(dir, Date::parse_iso("2026-11-23")).expect_err("the folder is refused")
}

#[test]
fn an_html_page_saved_as_text_is_named() {
    let dir = folder(
        "html",
        &[("page.txt", "<!DOCTYPE html>\n<html><head><title>关于印发的通知</title></head><body>正文</body></html>")],
    );
    let e = error(&dir);
    assert!(e.contains("page.txt") && e.contains("HTML"), "{e}");
}

#[test]
fn an_empty_title_is_named() {
    let dir = folder("empty-title", &[("manifest.toml", "[files.a]\ntitle = \"  \"\n")]);
    let e = error(&dir);
    assert!(e.contains("a.txt") && e.contains("title is empty"), "{e}");
}

#[test]
fn dates_in_the_wrong_order_are_named() {
    let dir =
        folder("dates", &[("manifest.toml", "[files.a]\neffective = \"2020-01-01\"\nexpires = \"2019-12-31\"\n")]);
    let e = error(&dir);
    assert!(e.contains("a.txt") && e.contains("2020-01-01") && e.contains("2019-12-31"), "{e}");
}

#[test]
fn the_same_document_twice_is_named() {
    let dir = folder("duplicate", &[]);
    fs::copy(dir.join("a.txt"), dir.join("b.txt")).unwrap();
    let e = error(&dir);
    assert!(e.contains("b.txt") && e.contains("the same document as a.txt"), "{e}");
}

#[test]
fn a_link_out_of_the_folder_is_named() {
    let dir = folder("link", &[]);
    let outside = dir.parent().unwrap().join("outside.txt");
    fs::copy(dir.join("a.txt"), &outside).unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("b.txt")).unwrap();
    let e = error(&dir);
    assert!(e.contains("b.txt") && e.contains("outside the corpus folder"), "{e}");
}

#[test]
fn a_hidden_file_is_skipped_and_reported() {
    let dir = folder("hidden", &[(".draft.txt", "草稿")]);
    let corpus = load_dir(&dir, Date::parse_iso("2026-11-23")).unwrap();
    assert_eq!(corpus.documents.len(), 1);
    assert!(corpus.skipped.iter().any(|s| s.contains(".draft.txt") && s.contains("hidden")), "{:?}", corpus.skipped);
}
