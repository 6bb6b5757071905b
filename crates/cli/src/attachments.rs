//! `--attach FILE`: files carried in the letter, named and typed as a browser would.

use std::path::Path;

use sealpost_core::Attachment;

use crate::files::{self, ReadError};

/// Reads each file; the name is its base name (the directories are the sender's business) and
/// the media type is guessed from the extension, `application/octet-stream` if unknown.
pub fn read_all(paths: &[impl AsRef<Path>]) -> Result<Vec<Attachment>, ReadError> {
    paths
        .iter()
        .map(|path| {
            let path = path.as_ref();
            let bytes = files::read(path)?;
            let name = path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_else(|| "attachment".into());
            let media_type = mime_guess::from_path(path).first_or_octet_stream();
            Ok(Attachment::new(name, media_type.essence_str(), bytes))
        })
        .collect()
}
