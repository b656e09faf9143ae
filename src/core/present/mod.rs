//! What the app presents from the analysis and its insight: the period at a glance, the user's
//! own unit, and the views with their names in the URL.

pub mod mine;
pub mod overview;
pub mod view;
