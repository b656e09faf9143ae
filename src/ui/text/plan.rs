//! The texts of `ui/plan.rs`, Vietnamese first and English second.

words! {
    PlanText {
        TypePointsReachE => ("Hãy ghi số điểm muốn đạt, ví dụ 80 hoặc 72,5.", "Type the points to reach, e.g. 80 or 72.5."),
    }
}
