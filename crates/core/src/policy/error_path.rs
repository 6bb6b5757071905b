//! Where in a policy file serde_json stopped: the JSON path (`fields[1].format`) of the value
//! at an error's line and column.
//!
//! serde_json says *where* a document failed only as a line and column. Tracking the path while
//! deserializing (serde_path_to_error) wraps every type's `Deserialize` in a tracker of its own:
//! 20 KB of the page's optimized wasm (6.6 KB brotli), and as much in the sealing worker's
//! (issue 10). Finding the path afterwards from the position costs one small scan of the text,
//! and only when the file is broken.
//!
//! Paths are written as serde_path_to_error writes them, so messages did not change: keys joined
//! with `.`, array indexes in brackets, `.` for the document as a whole. An error on a key
//! (an unknown field) names the key; an error at a closing brace (a missing field) names the
//! object.

/// One open object or array on the way to the error.
enum Frame {
    /// The key whose value is being read; `None` between members.
    Object(Option<String>),
    /// The element being read; `None` before the first element starts.
    Array(Option<usize>),
}

/// The JSON path of the value at serde_json's `line` and `column` (both 1-based; the column
/// counts bytes and names the last byte serde_json read).
pub fn path_at(json: &str, line: usize, column: usize) -> String {
    let bytes = json.as_bytes();
    let offset = next_value(bytes, byte_offset(json, line, column));
    let mut frames: Vec<Frame> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            open @ (b'{' | b'[') => {
                start_element(&mut frames);
                if at >= offset {
                    return render(&frames);
                }
                frames.push(if open == b'{' {
                    Frame::Object(None)
                } else {
                    Frame::Array(None)
                });
            }
            b'}' | b']' => {
                frames.pop();
                if at >= offset {
                    return render(&frames);
                }
            }
            b',' => match frames.last_mut() {
                Some(Frame::Object(key)) => *key = None,
                Some(Frame::Array(Some(index))) => *index += 1,
                _ => {}
            },
            b'"' => {
                // A string left open runs to the end of the text, which is where the error is.
                let Some(end) = string_end(bytes, at) else {
                    return render(&frames);
                };
                let is_key = matches!(frames.last(), Some(Frame::Object(None)));
                if is_key {
                    let key = key_text(&json[at..end]);
                    if let Some(Frame::Object(slot)) = frames.last_mut() {
                        *slot = Some(key);
                    }
                } else {
                    start_element(&mut frames);
                }
                if end > offset {
                    return render(&frames);
                }
                at = end;
                continue;
            }
            byte if !is_separator(byte) => start_element(&mut frames),
            _ => {}
        }
        if at >= offset {
            return render(&frames);
        }
        at += 1;
    }
    render(&frames)
}

/// A value starts: in an array, that is the next element.
fn start_element(frames: &mut [Frame]) {
    if let Some(Frame::Array(index @ None)) = frames.last_mut() {
        *index = Some(0);
    }
}

/// serde_json often stops just before the value it refuses: on the `:`, `,` or space before
/// it, or on the `[` or `{` it opened to read the first element or member. The error is that
/// value's, so move on to where it starts.
fn next_value(bytes: &[u8], offset: usize) -> usize {
    let separator_at = |at: usize| bytes.get(at).copied().is_some_and(is_separator);
    let mut at = offset;
    if matches!(bytes.get(at), Some(b'[' | b'{')) {
        at += 1;
    } else if !separator_at(at) {
        return offset;
    }
    while separator_at(at) {
        at += 1;
    }
    at.min(bytes.len())
}

/// What stands between JSON values: white space, `,` and `:`.
fn is_separator(byte: u8) -> bool {
    byte.is_ascii_whitespace() || byte == b',' || byte == b':'
}

/// The byte offset of serde_json's position (the last byte it read), clamped to the text.
fn byte_offset(json: &str, line: usize, column: usize) -> usize {
    let line_start: usize = json
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column).saturating_sub(1).min(json.len())
}

/// The index just past the string starting at `start` (its closing quote included); `None` for
/// a string the text leaves open.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut at = start + 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return Some(at + 1),
            _ => at += 1,
        }
    }
    None
}

/// A key's text as written, escapes decoded where they are valid JSON.
fn key_text(quoted: &str) -> String {
    serde_json::from_str(quoted).unwrap_or_else(|_| quoted.trim_matches('"').to_owned())
}

fn render(frames: &[Frame]) -> String {
    let mut path = String::new();
    for frame in frames {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Array(Some(index)) => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
            Frame::Object(None) | Frame::Array(None) => {}
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

#[cfg(test)]
mod tests;
