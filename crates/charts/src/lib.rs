//! Facts -> chart specs (pure data) -> layout (geometry, hit targets) -> drawing on any plotters
//! backend. `registry` says which sections and charts the dashboard has and which facts each shows.
pub mod draw;
pub mod layout;
pub mod registry;
pub mod series;
pub mod series_draw;
pub mod spec;
pub mod text_width;
pub mod text_wrap;
