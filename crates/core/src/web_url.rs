//! Absolute URLs as sealpost checks them (a policy's endpoints and hand-off pages, a report's
//! URL fields and references): parsed by the [WHATWG URL Standard](https://url.spec.whatwg.org/).
//!
//! With the `url` feature (the default) the [`url`] crate parses them. Without it, the program
//! installs a parser once with [`set_parser`]: the browser app installs the browser's own
//! WHATWG `URL`, so its first-paint wasm does not carry the `url` crate and its IDNA tables
//! (about 60 KB of the page's brotli-compressed wasm). Both implement the same standard; only
//! the wording of a refusal differs.

use std::sync::OnceLock;

/// What sealpost needs of a parsed absolute URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebUrl {
    /// The scheme, lower case, without the colon (`https`).
    pub scheme: String,
    /// The host as the URL serializes it (`example.org`, `127.0.0.1`, `[::1]`), if it has one.
    pub host: Option<String>,
}

/// A WHATWG URL parser: the [`WebUrl`], or why the text is not an absolute URL.
pub type Parser = fn(&str) -> Result<WebUrl, String>;

static PARSER: OnceLock<Parser> = OnceLock::new();

/// Installs the parser used without the `url` feature (later calls change nothing). With the
/// feature, the `url` crate parses and this is ignored.
pub fn set_parser(parser: Parser) {
    let _ = PARSER.set(parser);
}

/// Parses `text` as an absolute URL.
pub fn parse(text: &str) -> Result<WebUrl, String> {
    #[cfg(feature = "url")]
    {
        url::Url::parse(text)
            .map(|url| WebUrl {
                scheme: url.scheme().to_owned(),
                host: url.host_str().map(str::to_owned),
            })
            .map_err(|err| err.to_string())
    }
    #[cfg(not(feature = "url"))]
    {
        match PARSER.get() {
            Some(parser) => parser(text),
            None => Err("no URL parser is installed (sealpost_core::web_url::set_parser)".into()),
        }
    }
}

#[cfg(all(test, feature = "url"))]
mod tests {
    use super::*;

    #[test]
    fn absolute_urls_parse_and_relative_ones_do_not() {
        assert_eq!(
            parse("HTTPS://Example.org/a?b"),
            Ok(WebUrl {
                scheme: "https".into(),
                host: Some("example.org".into())
            })
        );
        assert_eq!(
            parse("http://[::1]:8080/").unwrap().host.as_deref(),
            Some("[::1]")
        );
        assert!(parse("/relative").is_err());
        assert!(parse("https://exa mple.org").is_err());
    }
}
