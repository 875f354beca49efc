//! Plain Rust domain logic: no Leptos, no web-sys. Tested on the host.
