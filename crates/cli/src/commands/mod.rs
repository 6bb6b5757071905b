//! One module per subcommand; `main` dispatches to their `run`.

pub mod export;
pub mod key_check;
pub mod open;
pub mod policy_init;
pub mod policy_lint;
pub mod seal;
