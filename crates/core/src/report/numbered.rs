//! Numbered steps to reproduce: the text rules behind the steps box.
//!
//! Researchers write steps as `1. …`, `2. …`. The box continues the numbering when Enter is
//! pressed at the end of a numbered line, and ends the list when Enter is pressed on an empty
//! numbered line, as word processors and GitHub's editor do. The rules are here, as plain text
//! operations on byte offsets; the component only converts the DOM's caret (UTF-16 code units,
//! see [`utf16_to_byte`]) and applies the result.

/// What pressing Enter at byte offset `caret` of `text` should do instead of inserting a plain
/// line break: the new text and the new caret (a byte offset), or `None` to let Enter act as
/// usual. It acts only at the end of a line that starts with `N. ` or `N) ` (after optional
/// indentation):
/// - with text after the number, a new line `N+1. ` (same indentation and mark) is inserted;
/// - with nothing after the number, the number is removed and the caret stays on the now empty
///   line, which ends the list.
pub fn continue_numbering(text: &str, caret: usize) -> Option<(String, usize)> {
    if caret > text.len() || !text.is_char_boundary(caret) {
        return None;
    }
    let (before, after) = text.split_at(caret);
    if !(after.is_empty() || after.starts_with('\n') || after.starts_with("\r\n")) {
        return None;
    }
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = &before[line_start..];
    let item = NumberedLine::parse(line)?;
    if item.rest.trim().is_empty() {
        let mut out = String::with_capacity(text.len());
        out.push_str(&text[..line_start]);
        out.push_str(after);
        return Some((out, line_start));
    }
    let next = item.number.checked_add(1)?;
    let insert = format!("\n{}{}{} ", item.indent, next, item.mark);
    let mut out = String::with_capacity(text.len() + insert.len());
    out.push_str(before);
    out.push_str(&insert);
    out.push_str(after);
    Some((out, caret + insert.len()))
}

/// When the researcher types their own number right after the one Enter inserted (`2. 2. …`,
/// as anyone used to plain text boxes does), their number wins: the inserted one is removed from
/// the line holding byte offset `caret`. Returns the new text and caret, or `None` when there is
/// nothing to undo.
pub fn drop_doubled_number(text: &str, caret: usize) -> Option<(String, usize)> {
    if caret > text.len() || !text.is_char_boundary(caret) {
        return None;
    }
    let line_start = text[..caret].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[caret..].find('\n').map_or(text.len(), |i| caret + i);
    let outer = NumberedLine::parse(&text[line_start..line_end])?;
    let inner_text = outer.rest.trim_start_matches([' ', '\t']);
    let inner = NumberedLine::parse(inner_text)?;
    // Only "N. N. …" with a space after the typed mark: "1. 2.5 GHz" is a step about a clock.
    if !inner.rest.starts_with([' ', '\t']) {
        return None;
    }
    let drop_from = line_start + outer.indent.len();
    let drop_to = line_end - inner_text.len();
    if caret < drop_to {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..drop_from]);
    out.push_str(&text[drop_to..]);
    Some((out, caret - (drop_to - drop_from)))
}

/// How many steps `text` lists: its numbered lines when it has any, else its non-empty lines
/// (steps written one per line without numbers still count).
pub fn count_steps(text: &str) -> usize {
    let numbered = text
        .lines()
        .filter_map(NumberedLine::parse)
        .filter(|item| !item.rest.trim().is_empty())
        .count();
    if numbered > 0 {
        numbered
    } else {
        text.lines().filter(|line| !line.trim().is_empty()).count()
    }
}

/// The byte offset of UTF-16 offset `units` in `text` (the DOM counts carets in UTF-16 code
/// units); offsets past the end, or inside a surrogate pair, give the next character boundary.
pub fn utf16_to_byte(text: &str, units: usize) -> usize {
    let mut seen = 0;
    for (byte, c) in text.char_indices() {
        if seen >= units {
            return byte;
        }
        seen += c.len_utf16();
    }
    text.len()
}

/// The UTF-16 offset of byte offset `byte` in `text` (for setting the DOM's caret).
pub fn byte_to_utf16(text: &str, byte: usize) -> usize {
    text.char_indices()
        .take_while(|(i, _)| *i < byte)
        .map(|(_, c)| c.len_utf16())
        .sum()
}

/// `  3. Open the page`: indentation, number, mark and the rest.
struct NumberedLine<'a> {
    indent: &'a str,
    number: u32,
    mark: char,
    rest: &'a str,
}

impl<'a> NumberedLine<'a> {
    fn parse(line: &'a str) -> Option<Self> {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let body = line.trim_start_matches([' ', '\t']);
        let indent = &line[..line.len() - body.len()];
        let digits = body.len() - body.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        // Three digits at most: "2024. A year" is not step 2024.
        if digits == 0 || digits > 3 {
            return None;
        }
        let number = body[..digits].parse().ok()?;
        let mut rest = body[digits..].chars();
        let mark = rest.next().filter(|c| matches!(c, '.' | ')'))?;
        let rest = rest.as_str();
        // "1." alone (a trailing space trimmed away by the browser or the researcher) counts.
        if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
            return None;
        }
        Some(Self {
            indent,
            number,
            mark,
            rest,
        })
    }
}

#[cfg(test)]
mod doubled_tests {
    use super::*;

    #[test]
    fn a_typed_number_after_an_inserted_one_wins() {
        let text = "1. Sign in\n2. 2. Comment";
        let caret = text.len();
        assert_eq!(
            drop_doubled_number(text, caret),
            Some(("1. Sign in\n2. Comment".to_owned(), caret - 3))
        );
        assert_eq!(
            drop_doubled_number("1. Sign in\n2. 2.", 16),
            None,
            "not yet: no space"
        );
        assert_eq!(drop_doubled_number("1. Set 2.5 GHz", 14), None);
        assert_eq!(drop_doubled_number("1. Sign in", 10), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enter(text: &str) -> Option<(String, usize)> {
        continue_numbering(text, text.len())
    }

    #[test]
    fn enter_after_a_numbered_line_starts_the_next_number() {
        assert_eq!(
            enter("1. Install it"),
            Some(("1. Install it\n2. ".into(), 17))
        );
        assert_eq!(
            enter("Steps:\n9) Run"),
            Some(("Steps:\n9) Run\n10) ".into(), 18))
        );
        assert_eq!(
            enter("  3. Indented"),
            Some(("  3. Indented\n  4. ".into(), 19))
        );
    }

    #[test]
    fn enter_in_the_middle_of_a_list_keeps_the_lines_after() {
        let text = "1. One\n2. Two";
        let (out, caret) = continue_numbering(text, 6).unwrap();
        assert_eq!(out, "1. One\n2. \n2. Two");
        assert_eq!(&out[..caret], "1. One\n2. ");
    }

    #[test]
    fn enter_on_an_empty_numbered_line_ends_the_list() {
        assert_eq!(enter("1. One\n2. "), Some(("1. One\n".into(), 7)));
        assert_eq!(enter("1. One\n2."), Some(("1. One\n".into(), 7)));
        let text = "1. One\n2. \nafter";
        assert_eq!(
            continue_numbering(text, 10),
            Some(("1. One\n\nafter".into(), 7))
        );
    }

    #[test]
    fn other_lines_and_positions_keep_the_usual_enter() {
        for text in [
            "",
            "Plain line",
            "1.5 is affected",
            "2024. A year",
            "- a bullet",
        ] {
            assert_eq!(enter(text), None, "{text:?}");
        }
        // Not at the end of the line.
        assert_eq!(continue_numbering("1. Install it", 5), None);
        // Out of range, or inside a character.
        assert_eq!(continue_numbering("1. é", 100), None);
        assert_eq!(continue_numbering("1. é", 4), None);
    }

    #[test]
    fn windows_line_breaks_are_understood() {
        let text = "1. One\r\n2. Two\r\n";
        assert_eq!(
            continue_numbering(text, 14),
            Some(("1. One\r\n2. Two\n3. \r\n".into(), 18))
        );
    }

    #[test]
    fn counts_numbered_steps_or_else_lines() {
        assert_eq!(count_steps(""), 0);
        assert_eq!(
            count_steps("1. One\n2. Two\n   more on two\n3) Three\n4. "),
            3
        );
        assert_eq!(count_steps("Open the page\n\nClick save\n"), 2);
    }

    #[test]
    fn converts_dom_carets() {
        let text = "a😀é\nb";
        // a (1 unit), 😀 (2 units), é (1 unit), \n, b
        assert_eq!(utf16_to_byte(text, 0), 0);
        assert_eq!(utf16_to_byte(text, 1), 1);
        assert_eq!(utf16_to_byte(text, 3), 5);
        assert_eq!(utf16_to_byte(text, 4), 7);
        assert_eq!(utf16_to_byte(text, 99), text.len());
        for byte in [0, 1, 5, 7, 8, text.len()] {
            assert_eq!(utf16_to_byte(text, byte_to_utf16(text, byte)), byte);
        }
    }
}
