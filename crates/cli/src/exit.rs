//! The exit codes, one meaning each, so scripts can tell "refused" from "could not run".

use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// Everything checked is usable / the report was sealed.
    Success = 0,
    /// The inputs were read, and sealpost refuses them: a key that cannot be used, a report
    /// that is incomplete.
    Refused = 1,
    /// The command could not run: bad usage (clap uses 2 as well), a file that cannot be read
    /// or parsed, a failure while writing.
    Failed = 2,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit as u8)
    }
}
