//! The texts of `ui/nav.rs`, Vietnamese first and English second.

words! {
    NavText {
        ChisoSViews => ("Các mục của chiso", "chiso's views"),
    }
}
