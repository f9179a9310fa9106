use leptos::prelude::*;

fn main() {
    tamp::panic_banner::install();
    mount_to_body(tamp::App);
}
