//! Texts of one area of the page; see [`crate::i18n`].

pub struct OverviewTexts {}

pub static EN: OverviewTexts = OverviewTexts {};

pub static DE: OverviewTexts = OverviewTexts {};
