//! The article in the middle of the window: its text with highlights, selection by
//! mouse, clicks on highlights.
//!
//! Long articles stay smooth because only the visible blocks are laid out and drawn,
//! and their galleys are cached until the annotations or the width change (DESIGN.md,
//! "Rendering long articles"). Heights of blocks never laid out are estimated.

pub mod bidi;
mod blocks;
mod char_map;
mod clusters;
mod highlights;
mod joining;
mod layout;
mod piece_boxes;
mod view;

pub use blocks::{Block, blocks_from_text, snap_to_words, word_at};
pub use highlights::{Highlight, HighlightIndex, color_from_rgb, segments};
pub use view::{ArticleInput, ArticleView, article_ui};
