//! Text from keys (user IDs, and error messages that quote them) is written by whoever made
//! the key. Printed raw, an escape sequence in a user ID could rewrite the terminal (move the
//! cursor, recolour, retitle the window) or a bidi override could make one name read as
//! another, so everything human-readable sealpost prints passes through [`printable`].

/// `text` with control characters (except line breaks) and bidi controls escaped as `\u{…}`.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c != '\n' && (c.is_control() || is_bidi_control(c)) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// Prints `message` to standard error, where sealpost talks to people (standard output carries
/// only the result).
pub fn say(message: &str) {
    eprintln!("sealpost: {}", printable(message));
}

/// Joins problems one per line, indented under the sentence that introduces them.
pub fn bulleted<T: std::fmt::Display>(items: &[T]) -> String {
    items.iter().map(|item| format!("\n  - {item}")).collect()
}

/// Characters that reorder the text around them (Unicode's bidi embeddings, overrides and
/// isolates, and the invisible direction marks); they are formatting, not control, characters.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn escapes_what_could_drive_the_terminal_and_keeps_the_rest() {
        assert_eq!(
            printable("Mallory \u{1b}]0;pwned\u{7}<m@x>\n\u{202E}moc.evil"),
            "Mallory \\u{1b}]0;pwned\\u{7}<m@x>\n\\u{202e}moc.evil"
        );
        assert_eq!(printable("Zoë “Security” 安全"), "Zoë “Security” 安全");
        assert_eq!(printable("\u{9b}31m"), "\\u{9b}31m");
    }
}
