//! The single HTML file itself.

use crate::{ids, BundleError};

/// A wasm module as inlined: base64 text of the bytes, gzipped or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packed {
    pub base64: String,
    pub gzip: bool,
}

/// Everything that goes into the file.
#[derive(Debug, Clone)]
pub struct SingleFile<'a> {
    /// The project's name, for the title (untrusted: escaped here).
    pub project: &'a str,
    pub css: &'a str,
    pub favicon_svg: &'a [u8],
    /// The app's wasm-bindgen glue (`web` target).
    pub app_js: &'a str,
    pub app_wasm: Packed,
    /// The sealing worker's glue (`no-modules` target).
    pub worker_js: &'a str,
    pub worker_wasm: Packed,
    /// The policy, with every `key_url` key already inlined ([`crate::inline_keys`]).
    pub policy_json: &'a str,
    /// Origins the page may POST reports to (the policy's endpoints), for `connect-src`.
    pub connect_src: &'a [String],
    /// `sha256-…` of [`boot_script`]`(app_js)` and of `css`.
    pub boot_script_sha256: &'a str,
    pub style_sha256: &'a str,
}

/// What runs after the glue in the file's one inline module script: unpack the app's wasm from
/// its data block (base64, then `DecompressionStream` when gzipped) and start it. Everything is
/// in the file: no fetch, so it works from `file://` with the network off.
const BOOT_TAIL: &str = r#"
const sealpostUnpack = async (id) => {
  const element = document.getElementById(id);
  const text = atob(element.textContent.trim());
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  if (element.dataset.encoding !== "gzip") return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).arrayBuffer();
};
await INIT({ module_or_path: await sealpostUnpack("APP_WASM") });
"#;

/// The file's inline module script: the glue, then [`BOOT_TAIL`] calling the glue's default
/// export (its init function). Its SHA-256 goes into the file's CSP, so it must be computed
/// from exactly this text.
pub fn boot_script(app_js: &str) -> Result<String, BundleError> {
    let init = default_export(app_js).ok_or(BundleError::NoDefaultExport)?;
    let tail = BOOT_TAIL
        .replace("INIT", init)
        .replace("APP_WASM", ids::APP_WASM);
    Ok(format!("{}\n{tail}", app_js.trim_end()))
}

/// The name the glue exports as default (`export{initSync,__wbg_init as default}`).
fn default_export(js: &str) -> Option<&str> {
    let before = &js[..js.rfind(" as default")?];
    let start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .map_or(0, |i| i + 1);
    Some(&before[start..]).filter(|name| !name.is_empty())
}

/// The whole file.
pub fn render(file: &SingleFile) -> Result<String, BundleError> {
    let script = boot_script(file.app_js)?;
    check_inlinable("the app's glue", &script)?;
    check_inlinable("the worker's glue", file.worker_js)?;
    check_inlinable("the CSS", file.css)?;
    let connect = if file.connect_src.is_empty() {
        "'none'".to_owned()
    } else {
        file.connect_src.join(" ")
    };
    // No frame-ancestors here: browsers ignore it in <meta>. Workers come from Blob URLs the
    // page makes itself; the favicon is a data: URL.
    let csp = format!(
        "default-src 'none'; script-src '{script_hash}' 'wasm-unsafe-eval'; style-src \
         '{style_hash}'; worker-src blob:; img-src data:; connect-src {connect}; base-uri \
         'none'; form-action 'none'",
        script_hash = file.boot_script_sha256,
        style_hash = file.style_sha256,
    );
    let favicon = crate::base64(file.favicon_svg);
    // In JSON, `<` only occurs inside strings, where \u003c means the same: the policy cannot
    // end its element.
    let policy = file.policy_json.replace('<', "\\u003c");
    Ok(format!(
        r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Report a vulnerability to {title} · sealpost</title>
<link rel="icon" href="data:image/svg+xml;base64,{favicon}">
<style>{css}</style>
<script type="application/json" id="{policy_id}">{policy}</script>
<script type="text/plain" id="{worker_js_id}">{worker_js}</script>
<script type="application/octet-stream" id="{worker_wasm_id}" data-encoding="{worker_encoding}">{worker_wasm}</script>
<script type="application/octet-stream" id="{app_wasm_id}" data-encoding="{app_encoding}">{app_wasm}</script>
<script type="module">{script}</script>
</head>
<body>
<noscript>sealpost encrypts your report inside the browser, which needs JavaScript and WebAssembly.</noscript>
</body>
</html>
"#,
        title = escape(file.project),
        css = file.css,
        policy_id = ids::POLICY,
        worker_js_id = ids::WORKER_JS,
        worker_js = file.worker_js,
        worker_wasm_id = ids::WORKER_WASM,
        worker_encoding = encoding(&file.worker_wasm),
        worker_wasm = file.worker_wasm.base64,
        app_wasm_id = ids::APP_WASM,
        app_encoding = encoding(&file.app_wasm),
        app_wasm = file.app_wasm.base64,
    ))
}

fn encoding(packed: &Packed) -> &'static str {
    if packed.gzip {
        "gzip"
    } else {
        "identity"
    }
}

/// Script and style contents cannot be escaped, only refused when they would close their
/// element (or open an HTML comment, which changes how `</script>` is parsed).
fn check_inlinable(what: &'static str, text: &str) -> Result<(), BundleError> {
    let lower = text.to_ascii_lowercase();
    if lower.contains("</script") || lower.contains("</style") || lower.contains("<!--") {
        return Err(BundleError::BreaksOut(what));
    }
    Ok(())
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_boot_script_calls_the_glues_default_export() {
        let script = boot_script("function a(){}export{initSync,__wbg_init as default}").unwrap();
        assert!(
            script.contains("await __wbg_init({ module_or_path"),
            "{script}"
        );
        assert_eq!(boot_script("let x"), Err(BundleError::NoDefaultExport));
    }

    #[test]
    fn untrusted_text_cannot_end_its_element() {
        let packed = Packed {
            base64: "AAAA".into(),
            gzip: true,
        };
        let file = SingleFile {
            project: "</title><script>alert(1)</script>",
            css: "body{}",
            favicon_svg: b"<svg/>",
            app_js: "export{i as default}",
            app_wasm: packed.clone(),
            worker_js: "let wasm_bindgen;",
            worker_wasm: packed,
            policy_json: r#"{"project":{"name":"</script><script>alert(1)</script>"}}"#,
            connect_src: &[],
            boot_script_sha256: "sha256-x",
            style_sha256: "sha256-y",
        };
        let html = render(&file).unwrap();
        assert_eq!(html.matches("<script").count(), 5, "{html}");
        assert!(html.contains("connect-src 'none'"));
        assert!(html.contains(r#""\u003c/script>\u003cscript>alert(1)\u003c/script>""#));
        let bad = SingleFile {
            worker_js: "x = '</SCRIPT>'",
            ..file
        };
        assert_eq!(
            render(&bad),
            Err(BundleError::BreaksOut("the worker's glue"))
        );
    }
}
