//! The one box every table sits in: it scrolls on its own, so a wide table never makes the page
//! scroll sideways, and it is a named, focusable region, so keyboard users can scroll it too.

use leptos::attr::AttributeValue;
use leptos::prelude::*;

/// `table` (already built) in its box, named `label` (a text, or a closure for one that follows
/// the language).
pub fn table_box(label: impl AttributeValue + 'static, table: impl IntoView + 'static) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            {table}
        </div>
    }
}
