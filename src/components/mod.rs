//! Thin Leptos components: they wire signals to specs, layouts, drawing and markup (`views::markup`),
//! and hold no logic of their own.
pub mod across_reports;
pub mod app;
pub mod boot;
pub mod chart_canvas;
pub mod chart_figure;
pub mod chart_table;
pub mod downloads;
pub mod extras;
pub mod filter_bar;
pub mod notices;
pub mod overview;
pub mod prefs;
pub mod print_sheet;
pub mod report_desk;
pub mod section;
pub mod share;
pub mod source_panel;
pub mod state;
pub mod url_sync;
pub mod use_css_size;
pub mod use_visibility;
pub mod write_html;
