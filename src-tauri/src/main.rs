// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // Taking over the tray from an instance that is closing: wait until it is gone.
    infolobby_desktop::handover::wait_for_predecessor();
    // Before any thread starts: the environment is read by WebKit when the window is made.
    infolobby_desktop::rendering::choose_webkit_renderer();
    infolobby_desktop::rendering::keep_gl_out_of_tray_start();
    infolobby_desktop::run();
}
