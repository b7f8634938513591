//! Facts -> chart specs (pure data) -> drawing on any plotters backend.
pub mod draw;
pub mod layout;
pub mod registry;
pub mod spec;
pub mod text_width;
