//! How WebKitGTK draws the window on Linux. Its default renderer hands frames over as GPU
//! buffers (DMA-BUF). On a machine with no GPU (a VM, a remote desktop, a CI runner) it then
//! renders through Mesa's software GL, which makes every frame slow: measured under Xvfb, a
//! one-row scroll of the grid took 165 ms a frame that way, and 19 ms with WebKit painting into
//! shared memory instead (tests/bench/grid-figures.sh). So where there is no GPU render node,
//! the app asks WebKit for the shared-memory path, unless the user set the variable themselves.

/// Sets `WEBKIT_DISABLE_DMABUF_RENDERER=1` when no GPU can render. Call it first thing in
/// `main`, before any thread exists: changing the environment is only sound then.
pub fn choose_webkit_renderer() {
    #[cfg(target_os = "linux")]
    {
        const VAR: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";
        if std::env::var_os(VAR).is_none() && !has_render_node(std::path::Path::new("/dev/dri")) {
            std::env::set_var(VAR, "1");
        }
    }
}

/// For a start in the tray (`--in-tray`, also the hand-over after the window closed) on a
/// machine with no GPU: GTK sets up OpenGL at start to pick its visuals, which loads Mesa's
/// software renderer with LLVM (about 26 MB) for an icon and a poll. With WebKit painting into
/// shared memory nothing in this process needs GL, so `GDK_GL=disable` keeps it out; the window
/// opened later renders the same (checked under Xvfb). With a GPU, WebKit's DMA-BUF renderer
/// shows its frames through GDK's GL, so it is left alone there: the window would hang.
/// Call it after `choose_webkit_renderer`, before any thread exists.
pub fn keep_gl_out_of_tray_start() {
    #[cfg(target_os = "linux")]
    {
        const VAR: &str = "GDK_GL";
        let in_tray = std::env::args().any(|a| a == crate::commands::launch::IN_TRAY_ARG);
        let shm = std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_some_and(|v| v == "1");
        if in_tray && shm && std::env::var_os(VAR).is_none() {
            std::env::set_var(VAR, "disable");
        }
    }
}

/// Whether `dir` (normally `/dev/dri`) holds a GPU render node (`renderD128`, …).
#[cfg(any(target_os = "linux", test))]
fn has_render_node(dir: &std::path::Path) -> bool {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_render_node_is_found_only_where_there_is_one() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        assert!(!has_render_node(dir.path()));
        assert!(!has_render_node(&dir.path().join("missing")));
        std::fs::write(dir.path().join("card0"), b"").unwrap_or_default();
        assert!(!has_render_node(dir.path()));
        std::fs::write(dir.path().join("renderD128"), b"").unwrap_or_default();
        assert!(has_render_node(dir.path()));
    }
}
