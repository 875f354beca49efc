//! The buyer's itinerary on its own: what a share link opens. A separate,
//! much smaller wasm than the agent's app (no router, no saved document),
//! chosen by boot.js from the address (scripts/boot.js).
fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    showplan::browser::settle_start_address();
    leptos::mount::mount_to_body(showplan::viewer::Viewer);
}
