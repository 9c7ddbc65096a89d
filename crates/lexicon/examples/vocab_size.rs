fn main() {
    let texts: Vec<String> = std::io::stdin().lines().map(|l| l.unwrap()).collect();
    let full = policy_search_normalize::FoldTable::full();
    let folded: Vec<String> = texts.iter().map(|t| policy_search_normalize::fold(t, full)).collect();
    let v = policy_search_lexicon::Vocabulary::build(&folded);
    let seg = v.words.values().filter(|s| **s == policy_search_lexicon::vocabulary::Source::Segmenter).count();
    let mut by_len = std::collections::BTreeMap::new();
    for w in v.words.keys() {
        *by_len.entry(w.chars().count()).or_insert(0) += 1;
    }
    println!("words {} (segmenter {seg}) by len {by_len:?}", v.words.len());
    let bytes: usize = v.words.keys().map(|w| w.len()).sum();
    println!("utf8 bytes {bytes}");
    for w in ["众创", "众创空间", "人形", "雏鹰", "新质", "资助", "孵化机构", "开放共享", "住房", "公积金", "提取"]
    {
        println!("{w} {:?}", v.words.get(w));
    }
}
