//! The wasm bindings run the real engine in Node (see `bindings/cases.rs`).
#![cfg(target_arch = "wasm32")]

#[path = "bindings/cases.rs"]
mod cases;
