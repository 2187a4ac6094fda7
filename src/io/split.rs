//! Finding the documents of a project file without parsing them, so that they can be
//! parsed on several threads at once: RON's parser reads about ten megabytes a second,
//! and the documents are nearly all of a file.
//!
//! [`split_documents`] reads the file's tokens as RON's lexer does (strings with their
//! escapes, raw strings, characters, nested block comments), finds the top-level
//! `documents: [ ... ]` and the text of each element. It only has to be right for files
//! that RON reads: the caller parses the rest of the file and each element with RON
//! itself, and on any failure parses the whole file again the ordinary way, whose
//! errors (line, column, document) are the ones reported. A file the scanner does not
//! understand (an `#![enable(...)]` header, a map instead of a struct) is simply not
//! split.

use std::ops::Range;

/// The documents list of a project file, found.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Split {
    /// From the `[` of the list to its `]`, both included.
    pub list: Range<usize>,
    /// The text of each element, in order (without the commas between them).
    pub elements: Vec<Range<usize>>,
}

/// The field that holds the documents.
const FIELD: &str = "documents";

/// A cursor over the bytes of the file, reading RON's tokens.
struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
}

/// One token, as far as splitting needs to know.
#[derive(Debug, PartialEq, Eq)]
enum Token<'a> {
    Open(u8),
    Close(u8),
    Comma,
    Colon,
    Ident(&'a str),
    /// A string, a character, a number or any other value.
    Other,
    End,
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn starts_with(&self, s: &[u8]) -> bool {
        self.bytes[self.at..].starts_with(s)
    }

    /// Skips white space and comments; `None` on an unclosed block comment.
    fn skip_blank(&mut self) -> Option<()> {
        loop {
            while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
                self.at += 1;
            }
            if self.starts_with(b"//") {
                match memchr(b'\n', &self.bytes[self.at..]) {
                    Some(n) => self.at += n + 1,
                    None => self.at = self.bytes.len(),
                }
            } else if self.starts_with(b"/*") {
                self.at += 2;
                let mut level = 1;
                while level > 0 {
                    if self.starts_with(b"/*") {
                        level += 1;
                        self.at += 2;
                    } else if self.starts_with(b"*/") {
                        level -= 1;
                        self.at += 2;
                    } else if self.at < self.bytes.len() {
                        self.at += 1;
                    } else {
                        return None;
                    }
                }
            } else {
                return Some(());
            }
        }
    }

    /// The next token, after white space and comments; `None` where the text is not
    /// RON this scanner understands.
    fn next(&mut self) -> Option<Token<'a>> {
        self.skip_blank()?;
        let Some(b) = self.peek() else {
            return Some(Token::End);
        };
        let token = match b {
            b'(' | b'[' | b'{' => {
                self.at += 1;
                Token::Open(b)
            }
            b')' | b']' | b'}' => {
                self.at += 1;
                Token::Close(b)
            }
            b',' => {
                self.at += 1;
                Token::Comma
            }
            b':' => {
                self.at += 1;
                Token::Colon
            }
            b'"' => {
                self.at += 1;
                self.escaped_string(b'"')?;
                Token::Other
            }
            b'\'' => {
                self.at += 1;
                self.escaped_string(b'\'')?;
                Token::Other
            }
            b'#' => return None,
            b if is_ident_start(b) => return self.word(),
            _ => {
                // Numbers, signs, dots: anything that is not structure.
                self.at += 1;
                while self.peek().is_some_and(|b| {
                    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'+' | b'-')
                }) {
                    self.at += 1;
                }
                Token::Other
            }
        };
        Some(token)
    }

    /// Reads past the end of a string or character opened by `quote`, escapes
    /// included.
    fn escaped_string(&mut self, quote: u8) -> Option<()> {
        loop {
            match self.peek()? {
                b'\\' => self.at += 2,
                b if b == quote => {
                    self.at += 1;
                    return Some(());
                }
                _ => self.at += 1,
            }
        }
    }

    /// An identifier, or a string with a prefix (`r"…"`, `r#"…"#`, `b"…"`, `br"…"`),
    /// or a raw identifier (`r#name`).
    fn word(&mut self) -> Option<Token<'a>> {
        let start = self.at;
        while self.peek().is_some_and(is_ident_char) {
            self.at += 1;
        }
        let word = &self.bytes[start..self.at];
        match (word, self.peek()) {
            (b"b", Some(b'"')) => {
                self.at += 1;
                self.escaped_string(b'"')?;
                Some(Token::Other)
            }
            (b"r" | b"br", Some(b'"' | b'#')) => {
                let hashes = self.bytes[self.at..]
                    .iter()
                    .take_while(|&&b| b == b'#')
                    .count();
                match self.bytes.get(self.at + hashes) {
                    Some(b'"') => {
                        self.at += hashes + 1;
                        let mut end = vec![b'"'];
                        end.extend(std::iter::repeat_n(b'#', hashes));
                        let n = find(&self.bytes[self.at..], &end)?;
                        self.at += n + end.len();
                        Some(Token::Other)
                    }
                    // `r#name`: a raw identifier, named without its `r#`.
                    Some(&b) if word == b"r" && hashes == 1 && is_ident_start(b) => {
                        self.at += 1;
                        let name = self.at;
                        while self.peek().is_some_and(is_ident_char) {
                            self.at += 1;
                        }
                        Some(Token::Ident(
                            std::str::from_utf8(&self.bytes[name..self.at]).ok()?,
                        ))
                    }
                    _ => None,
                }
            }
            _ => Some(Token::Ident(std::str::from_utf8(word).ok()?)),
        }
    }
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The documents list of the project file `text` and its elements, if the file has the
/// shape that eventail writes: an optional `Project`, a parenthesis, fields, one of them
/// `documents` holding a list.
pub(super) fn split_documents(text: &str) -> Option<Split> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        at: 0,
    };
    let mut token = scanner.next()?;
    if token == Token::Ident("Project") {
        token = scanner.next()?;
    }
    if token != Token::Open(b'(') {
        return None;
    }
    // Inside the project's parentheses: find `documents :` at depth 1.
    let mut depth = 1usize;
    let mut previous = Token::Open(b'(');
    loop {
        let token = scanner.next()?;
        match token {
            Token::Open(_) => depth += 1,
            Token::Close(_) => {
                depth -= 1;
                if depth == 0 {
                    // No documents field: nothing to split.
                    return None;
                }
            }
            Token::End => return None,
            Token::Colon if depth == 1 && previous == Token::Ident(FIELD) => {
                return elements(&mut scanner);
            }
            _ => {}
        }
        previous = token;
    }
}

/// The list that starts at the scanner, and its elements.
fn elements(scanner: &mut Scanner<'_>) -> Option<Split> {
    scanner.skip_blank()?;
    let open = scanner.at;
    if scanner.next()? != Token::Open(b'[') {
        return None;
    }
    let mut elements = Vec::new();
    let mut depth = 0usize;
    // Where the element under way starts, and whether it has a token yet.
    let mut start = scanner.at;
    let mut has_token = false;
    loop {
        let before = scanner.at;
        let token = scanner.next()?;
        match token {
            Token::End => return None,
            Token::Comma if depth == 0 => {
                if !has_token {
                    // `[,` or `,,`: not a list RON reads.
                    return None;
                }
                // The white space before the comma stays in the element: harmless.
                elements.push(start..before);
                start = scanner.at;
                has_token = false;
                continue;
            }
            Token::Close(b']') if depth == 0 => {
                if has_token {
                    elements.push(start..before);
                }
                return Some(Split {
                    list: open..scanner.at,
                    elements,
                });
            }
            Token::Open(_) => depth += 1,
            Token::Close(_) => depth = depth.checked_sub(1)?,
            _ => {}
        }
        has_token = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, split: &Split) -> Vec<&'a str> {
        split
            .elements
            .iter()
            .map(|r| text[r.clone()].trim())
            .collect()
    }

    #[test]
    fn the_documents_of_a_written_project_are_found() {
        let text = "Project(\n    format_version: 1,\n    name: \"a ] ( , \\\" b\",\n    \
                    documents: [\n        (id: \"a\"),\n        (id: \"b\", x: [1, (2)]),\n    ],\n)\n";
        let split = split_documents(text).expect("split");
        assert_eq!(
            texts(text, &split),
            ["(id: \"a\")", "(id: \"b\", x: [1, (2)])"]
        );
        assert_eq!(&text[split.list.clone()].chars().next(), &Some('['));
        assert!(text[split.list.clone()].ends_with(']'));
    }

    #[test]
    fn strings_characters_and_comments_hide_what_looks_like_structure() {
        let text = r####"( // documents: [ (
            name: r#"documents: [ "( ]"#, c: ')', d: '\'', e: b"]", f: br##"x"#]"##,
            /* documents: [ /* nested ) */ ] */
            r#documents: [ ( t: "],[" ) /* , */ , (t: '[') , ],
            other: 1,
        )"####;
        let split = split_documents(text).expect("split");
        assert_eq!(texts(text, &split), ["( t: \"],[\" )", "(t: '[')"]);
    }

    #[test]
    fn shapes_it_does_not_understand_are_not_split() {
        for text in [
            "",
            "#![enable(implicit_some)]\n(documents: [(id: \"a\")])",
            "{\"documents\": [(id: \"a\")]}",
            "(name: \"a\")",
            "(documents: [(id: \"a\"),, (id: \"b\")])",
            "(documents: [(id: \"a\")",
            "(documents: [(id: \"a /* )])",
            "(x: /* unclosed, documents: [])",
        ] {
            assert_eq!(split_documents(text), None, "{text:?}");
        }
    }

    #[test]
    fn an_empty_list_and_a_trailing_comma_have_no_empty_element() {
        let split = split_documents("(documents: [ /* none */ ])").expect("split");
        assert!(split.elements.is_empty());
        let text = "(documents: [(id: \"a\"), // last\n])";
        let split = split_documents(text).expect("split");
        assert_eq!(texts(text, &split), ["(id: \"a\")"]);
    }

    #[test]
    fn a_field_named_documents_deeper_down_is_not_the_list() {
        let text = "(schema: (documents: [1, 2]), documents: [(id: \"a\")])";
        let split = split_documents(text).expect("split");
        assert_eq!(texts(text, &split), ["(id: \"a\")"]);
    }
}
