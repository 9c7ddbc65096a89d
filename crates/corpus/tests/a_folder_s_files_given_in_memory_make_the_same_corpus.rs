//! `load_files` is the one path from a folder's files to a corpus: `load_dir` lists and reads
//! the folder and hands it the files, and the indexer in wasm, which has no file system, hands
//! it the files it was given. Given the same files in any order, it makes the same corpus, and
//! a bad file gets the same error naming it.

use std::path::Path;

use policy_search_corpus::{load_dir, load_files, CorpusFile};

/// Every file of `dir`, read by the test, last name first (the order must not matter).
fn files_of(dir: &Path) -> Vec<CorpusFile> {
    let mut files: Vec<CorpusFile> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            CorpusFile { name, bytes: std::fs::read(&path).unwrap() }
        })
        .collect();
    files.sort_by(|a, b| b.name.cmp(&a.name));
    files
}

#[test]
fn the_seeds_given_as_files_make_the_corpus_their_folder_makes() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let from_disk = load_dir(&seeds).expect("the seeds load");
    let in_memory = load_files(&seeds, files_of(&seeds)).expect("the seeds' files load");
    assert_eq!(format!("{from_disk:?}"), format!("{in_memory:?}"));
    assert_eq!(from_disk.removed_report(), in_memory.removed_report());
}

#[test]
fn html_and_gbk_pages_given_as_files_make_the_corpus_their_folder_makes() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let from_disk = load_dir(&fixtures).expect("the fixtures load");
    let in_memory = load_files(&fixtures, files_of(&fixtures)).expect("the fixtures' files load");
    assert!(from_disk.documents.iter().any(|d| d.file.extension().is_some_and(|e| e == "html")));
    assert_eq!(format!("{from_disk:?}"), format!("{in_memory:?}"));
}

#[test]
fn a_bad_file_given_in_memory_is_named_as_on_disk() {
    let dir = Path::new("portal");
    let file = |name: &str, bytes: &[u8]| CorpusFile { name: name.to_string(), bytes: bytes.to_vec() };
    let cases: [(Vec<CorpusFile>, &str); 5] = [
        (vec![file("notes.pdf", b"%PDF")], "portal/notes.pdf"),
        (vec![file("a.txt", &[0xff, 0xfe, 0x00, 0xd8, 0x41])], "portal/a.txt"),
        (
            vec![file("manifest.toml", b"[files.missing]\ntitle = \"x\"\n"), file("a.txt", "标题\n正文。".as_bytes())],
            "no such file missing.txt",
        ),
        (vec![file("manifest.toml", &[0xff, 0xfe])], "portal/manifest.toml"),
        // A file of a subfolder, as a browser's folder picker names it.
        (vec![file("sub/a.txt", "标题\n正文。".as_bytes())], "portal/sub/a.txt"),
    ];
    for (files, named) in cases {
        let err = load_files(dir, files).expect_err("a bad corpus");
        assert!(err.to_string().contains(named), "{named}: {err}");
    }
    let hidden = load_files(dir, vec![file(".DS_Store", b""), file("a.txt", "通知\n第一条　正文。".as_bytes())])
        .expect("a hidden file is skipped");
    assert_eq!(hidden.skipped, vec!["portal/.DS_Store: skipped, a hidden file".to_string()]);
}

/// The bad corpora of issue 21's list — an undecodable file, an HTML page saved as .txt, the
/// same document twice, a broken manifest — get the same error from their files in memory as
/// from their folder on disk (written under the target folder).
#[test]
fn a_bad_folder_gets_the_same_error_in_memory_as_on_disk() {
    let text = "关于支持众创空间发展的若干意见\n一、支持众创空间建设。\n二、加快网络建设。";
    let file = |name: &str, bytes: &[u8]| CorpusFile { name: name.to_string(), bytes: bytes.to_vec() };
    let cases: [(&str, Vec<CorpusFile>, &str); 4] = [
        ("undecodable", vec![file("a.txt", &[0xff, 0xfe, 0x00, 0xd8, 0x41, 0x81])], "not text"),
        (
            "html-as-txt",
            vec![file(
                "page.txt",
                "<!DOCTYPE html><html><head><title>通知</title></head><body><p>正文。</p></body></html>".as_bytes(),
            )],
            "name it .html",
        ),
        (
            "duplicate",
            vec![file("a.txt", text.as_bytes()), file("b.txt", text.as_bytes())],
            "the same document as a.txt",
        ),
        (
            "broken-manifest",
            vec![file("a.txt", text.as_bytes()), file("manifest.toml", b"[files.a\ntitle = ")],
            "manifest.toml",
        ),
    ];
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bad-folders");
    for (name, files, says) in cases {
        let dir = root.join(name);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for f in &files {
            std::fs::write(dir.join(&f.name), &f.bytes).unwrap();
        }
        let on_disk = load_dir(&dir).expect_err("a bad folder").to_string();
        let in_memory = load_files(&dir, files).expect_err("a bad folder's files").to_string();
        assert_eq!(on_disk, in_memory, "{name}");
        assert!(on_disk.contains(says), "{name}: {on_disk}");
    }
}
