//! The committed TypeScript bindings match the Rust commands and types. Regenerate with
//! `UPDATE_BINDINGS=1 cargo test -p infolobby-desktop --test bindings`.

use std::path::PathBuf;

#[test]
fn committed_bindings_are_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/api/bindings.ts");
    let fresh = infolobby_desktop::commands::bindings_typescript().expect("bindings export");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).expect("write bindings");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/api/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p infolobby-desktop --test bindings` and commit it"
    );
}
