//! Texts of one area of the page; see [`crate::i18n`].

pub struct WidgetTexts {}

pub static EN: WidgetTexts = WidgetTexts {};

pub static DE: WidgetTexts = WidgetTexts {};
