//! One module per subcommand; `main` dispatches to their `run`.

pub mod key_check;
pub mod seal;
