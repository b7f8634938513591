//! Loading and verifying a report's catalogue (`catalogue_file`: every fact against its report's
//! text and the number parser, every problem named by file, entry and field; `presentation`:
//! sections, charts and cross-checks; `reports`: every report of the site, checked against each
//! other) and mapping it into the model (`to_model`). Native only: the publish step and the tests.

pub mod catalogue_file;
pub mod coverage;
pub mod indicators;
mod measure;
mod period_check;
pub mod presentation;
pub mod problems;
pub mod reports;
pub mod schema;
pub mod site;
pub mod to_model;
