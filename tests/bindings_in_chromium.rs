//! The wasm bindings run the real engine in headless Chromium (see `bindings/cases.rs`).
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[path = "bindings/cases.rs"]
mod cases;
