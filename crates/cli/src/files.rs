//! Reading the files named on the command line, with errors that name them.

use std::{
    io,
    path::{Path, PathBuf},
};

/// A file that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("cannot read {}: {source}", .path.display())]
pub struct ReadError {
    pub path: PathBuf,
    pub source: io::Error,
}

pub fn read(path: &Path) -> Result<Vec<u8>, ReadError> {
    std::fs::read(path).map_err(|source| ReadError {
        path: path.to_owned(),
        source,
    })
}
