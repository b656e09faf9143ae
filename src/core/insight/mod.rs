//! What the scores say: alerts, the planners (a unit's, the whole's), the comparison of two
//! periods and the trend over more.

pub mod alerts;
pub mod compare;
pub mod plan;
pub mod trend;
