//! Mounts the app. Everything else lives in the library so tests can use it.
fn main() {
    // Readable panics while developing; release builds abort on panic.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    showplan::browser::settle_start_address();
    leptos::mount::mount_to_body(showplan::app::App);
}
