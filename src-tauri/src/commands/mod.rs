//! Every Tauri command, and the typed TypeScript bindings generated from them
//! (`ui/src/api/bindings.ts`). Commands are thin adapters: connection handling lives in
//! `connections::service`, API work in the `infolobby` crate.

pub mod cache;
pub mod comments;
pub mod connections;
pub mod export;
pub mod files;
pub mod launch;
pub mod local;
pub mod members;
pub mod notifications;
pub mod people;
pub mod records;
pub mod spaces;
pub mod subscriptions;
pub mod tables;
pub mod tasks;
pub mod views;
pub mod watcher;
pub mod window;

use tauri::Runtime;
use tauri_specta::collect_commands;

/// The commands and their types, for both the invoke handler and the binding export.
pub fn specta_builder<R: Runtime>() -> tauri_specta::Builder<R> {
    tauri_specta::Builder::<R>::new()
        .commands(collect_commands![
            launch::launch_options,
            launch::autostart_enabled,
            launch::set_autostart,
            watcher::unread_counts,
            watcher::check_now,
            window::take_open_request,
            window::set_window_title,
            watcher::set_alert_prefs,
            watcher::send_test_notification,
            connections::list_connections,
            connections::add_connection,
            connections::replace_key,
            connections::update_connection,
            connections::remove_connection,
            connections::set_active_connection,
            connections::get_settings,
            connections::update_settings,
            connections::start_demo,
            connections::reset_demo,
            connections::damaged_files,
            connections::dismiss_damaged_files,
            connections::connection_status,
            spaces::list_spaces,
            spaces::get_space,
            spaces::create_space,
            spaces::update_space,
            spaces::delete_space,
            members::list_members,
            members::add_member,
            members::change_member_role,
            members::remove_member,
            people::list_people,
            tables::list_tables,
            tables::get_table,
            tables::create_table,
            tables::update_table,
            tables::delete_table,
            views::list_views,
            views::get_view,
            records::table_page,
            records::table_rows,
            records::table_layout,
            records::save_table_layout,
            records::record_detail,
            records::query_records,
            records::count_records,
            records::get_record,
            records::create_record,
            records::update_record,
            records::delete_record,
            records::delete_records,
            cache::cached_table_page,
            cache::cached_table_rows,
            cache::cached_record_detail,
            cache::cached_comments,
            cache::search_cache,
            cache::cache_status,
            cache::set_cache_options,
            cache::clear_cache,
            comments::list_comments,
            comments::create_comment,
            comments::upload_comment_file,
            comments::download_comment_file,
            files::upload_file,
            files::delete_file,
            files::download_file,
            local::choose_files,
            export::choose_export_file,
            export::export_append,
            export::export_append_rows,
            export::export_finish,
            export::export_abort,
            local::show_download,
            local::open_download,
            local::open_link,
            subscriptions::follow_table,
            subscriptions::follow_record,
            subscriptions::following,
            tasks::create_record_task,
            tasks::list_record_tasks,
            tasks::get_task,
            tasks::update_task,
            tasks::complete_task,
            tasks::reopen_task,
            tasks::delete_task,
            tasks::list_task_comments,
            tasks::comment_on_task,
            tasks::create_task,
            tasks::my_tasks,
            notifications::list_notifications,
            notifications::unread_count,
            notifications::mark_notification,
            notifications::mark_all_notifications_read,
        ])
        // The payload of the drop event, which no command returns.
        .typ::<local::DroppedFiles>()
        // Ids and counts stay far below 2^53.
        .dangerously_cast_bigints_to_number()
        // One type per model: the UI reads what Rust serialises and sends what Rust reads, and
        // the two agree for every type here.
        .disable_serde_phases()
}

/// The TypeScript bindings as they should be committed.
pub fn bindings_typescript() -> Result<String, String> {
    let dir = std::env::temp_dir().join(format!("infolobby-bindings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let path = dir.join("bindings.ts");
    let exporter = specta_typescript::Typescript::default()
        .header("// Generated from the Rust commands by tauri-specta. Do not edit: run\n// `UPDATE_BINDINGS=1 cargo test -p infolobby-desktop --test bindings`.");
    specta_builder::<tauri::Wry>()
        .export(exporter, &path)
        .map_err(|e| e.to_string())?;
    let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(text)
}
