//! Texts of one area of the page; see [`crate::i18n`].

pub struct SendTexts {}

pub static EN: SendTexts = SendTexts {};

pub static DE: SendTexts = SendTexts {};
