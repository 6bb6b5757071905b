//! Untrusted policy JSON through parsing and resolution. Must never panic.
//! Valid UTF-8 is parsed as is; invalid UTF-8 is parsed after lossy conversion, so both the
//! exact bytes and "mostly text" inputs reach the parser.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sealpost_core::Policy;

fuzz_target!(|data: &[u8]| {
    let result = match std::str::from_utf8(data) {
        Ok(text) => Policy::from_json(text),
        Err(_) => Policy::from_json(&String::from_utf8_lossy(data)),
    };
    match result {
        Ok(policy) => {
            // Every field the form would show must be found again by its id.
            for field in &policy.fields {
                assert!(policy.field(&field.id).is_some(), "field {} lost", field.id);
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "Err with no problems");
            for error in &errors {
                let _ = error.to_string();
            }
        }
    }
});
