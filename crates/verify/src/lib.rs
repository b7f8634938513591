//! Loading and verifying a report's catalogue (`catalogue_file`: every fact against its report's
//! text and the number parser, every problem named by file, entry and field) and writing it as
//! Rust (`codegen`). Used by `catalogue`'s build script and by the tests; never in the wasm.

pub mod catalogue_file;
pub mod codegen;
pub mod presentation;
pub mod reports;
pub mod runtime;
