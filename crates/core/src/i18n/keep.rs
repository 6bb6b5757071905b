//! Texts of one area of the page; see [`crate::i18n`].

pub struct KeepTexts {}

pub static EN: KeepTexts = KeepTexts {};

pub static DE: KeepTexts = KeepTexts {};
