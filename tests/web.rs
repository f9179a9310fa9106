//! Component tests in headless Chromium (wasm-bindgen-test): mount the app into a fresh
//! element and check what a person would see and use.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount_app() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), tamp::App);
    handle.forget();
    host
}

#[wasm_bindgen_test]
fn shell_shows_promise_and_labelled_controls() {
    let host = mount_app();
    let text = host.text_content().unwrap_or_default();
    assert!(text.contains("nothing is uploaded"), "{text}");

    // Every control the interface contract names is there and labelled.
    for (id, label) in [
        ("add-files", "Add files"),
        ("target-mb", "Target size (MB)"),
        ("output-format", "Output format"),
        ("max-width", "Max width"),
        ("trim-start", "Trim start"),
        ("trim-end", "Trim end"),
    ] {
        let control = host.query_selector(&format!("#{id}")).unwrap();
        assert!(control.is_some(), "missing control {id}");
        let label_el = host
            .query_selector(&format!("label[for='{id}']"))
            .unwrap()
            .expect("label");
        assert_eq!(label_el.text_content().unwrap(), label);
    }
    let queue = host.query_selector("ul[aria-label='Queue']").unwrap();
    assert!(queue.is_some());
    let convert = host
        .query_selector("button[type='submit']")
        .unwrap()
        .unwrap();
    assert_eq!(convert.text_content().unwrap(), "Convert");
}

#[wasm_bindgen_test]
async fn a_preset_fills_the_target_size() {
    let host = mount_app();
    let preset: web_sys::HtmlElement = host
        .query_selector(".presets button:nth-child(2)")
        .unwrap()
        .unwrap()
        .unchecked_into();
    preset.click();
    gloo_timers::future::TimeoutFuture::new(0).await;
    let input: web_sys::HtmlInputElement = host
        .query_selector("#target-mb")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(input.value(), "25");
    assert_eq!(
        preset.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
}
