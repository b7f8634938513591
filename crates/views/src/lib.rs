//! What the page shows, as plain Rust: the view state and its link codec (`view_state`), markup
//! that is escaped by construction (`html`, `markup`), the finder's search (`search`), the
//! files a chart is saved as (`downloads`), the print sheet (`print_sheet`) and the claim
//! checker's result (`checker`). The app's
//! components and the publish step's first view both call these functions, so a fragment exists
//! once.

pub mod across_reports;
pub mod checker;
pub mod cite;
pub mod downloads;
pub mod html;
pub mod indicator_view;
pub mod inline_svg;
pub mod markup;
pub mod module_call;
pub mod prerender;
pub mod print_sheet;
pub mod qr;
pub mod reader;
pub mod search;
pub mod view_state;
