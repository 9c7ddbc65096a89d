//! Rule `doc_number_bracket`: put back the closing bracket of a 文号 that the scrape lost,
//! `国发〔201832号` → `国发〔2018〕32号`, so that a citation typed correctly finds the clause
//! that cites it. Only an opening bracket followed by a four-digit year (19xx or 20xx), more
//! digits and `号` is repaired; a bracket that is closed is left alone.

/// The closing bracket of each opening bracket a 文号 is written with.
const BRACKETS: [(char, char); 4] = [('〔', '〕'), ('[', ']'), ('［', '］'), ('【', '】')];

/// `line` with every such 文号 repaired.
pub fn repair_doc_numbers(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + 3);
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        let Some(&(_, close)) = BRACKETS.iter().find(|(open, _)| *open == c) else { continue };
        let digits = chars[i + 1..].iter().take_while(|d| d.is_ascii_digit()).count();
        let year_like = matches!(chars.get(i + 1..i + 3), Some(['1', '9'] | ['2', '0']));
        if digits > 4 && year_like && matches!(chars.get(i + 1 + digits), Some('号' | '號')) {
            out.extend(&chars[i + 1..i + 5]);
            out.push(close);
            out.extend(&chars[i + 5..i + 1 + digits]);
            // The digits are pushed here; skip them below.
            return out + &repair_doc_numbers(&chars[i + 1 + digits..].iter().collect::<String>());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::repair_doc_numbers as r;

    #[test]
    fn puts_back_a_lost_closing_bracket() {
        assert_eq!(
            r("《国务院关于推动创新创业高质量发展打造“双创”升级版的意见》(国发〔201832号)"),
            "《国务院关于推动创新创业高质量发展打造“双创”升级版的意见》(国发〔2018〕32号)"
        );
        assert_eq!(r("浙政发〔20199号、甘政发[201821号"), "浙政发〔2019〕9号、甘政发[2018]21号");
        assert_eq!(r("國發〔201832號"), "國發〔2018〕32號");
    }

    #[test]
    fn leaves_whole_numbers_and_other_brackets_alone() {
        for line in ["国发〔2018〕32号", "〔2018〕", "【12345号】", "〔201832〕", "[1]2018年"] {
            assert_eq!(r(line), line);
        }
    }
}
