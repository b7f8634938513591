//! Facts -> chart specs (pure data) -> drawing on any plotters backend.
pub mod registry;
pub mod draw;
pub mod layout;
pub mod spec;
pub mod text_width;
