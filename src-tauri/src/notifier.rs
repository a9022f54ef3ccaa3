//! Native alerts. On Linux they go straight to the freedesktop notification server over D-Bus,
//! with a "default" action, because the notification plugin offers no click callback there:
//! the server's `ActionInvoked` signal for one of ours opens its target. Elsewhere the plugin
//! shows them, and a click brings the window forward.

use tauri::{AppHandle, Manager, Runtime};

use crate::watcher::Alert;

/// Notification daemons on Linux may read the body as markup (the spec's `body-markup`), so a
/// server's `<b>` or `&` must arrive as text. Other systems show text as it is.
pub fn body_text(body: &str) -> String {
    if cfg!(target_os = "linux") {
        body.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    } else {
        body.to_string()
    }
}

/// Shows alerts from where no app handle is at hand (commands, which are generic over none).
pub struct Sink(Box<dyn Fn(Vec<Alert>) + Send + Sync>);

impl Sink {
    pub fn new<R: Runtime>(app: AppHandle<R>) -> Self {
        Self(Box::new(move |alerts| {
            let app = app.clone();
            tauri::async_runtime::spawn(async move { show(&app, alerts).await });
        }))
    }

    pub fn send(&self, alerts: Vec<Alert>) {
        (self.0)(alerts);
    }
}

/// Shows `alerts`; a missing notification server is not an error worth more than a log line.
pub async fn show<R: Runtime>(app: &AppHandle<R>, alerts: Vec<Alert>) {
    for alert in alerts {
        #[cfg(target_os = "linux")]
        if let Some(bus) = app.try_state::<linux::Bus>() {
            if bus.show(&alert).await.is_ok() {
                continue;
            }
        }
        use tauri_plugin_notification::NotificationExt;
        let mut builder = app
            .notification()
            .builder()
            .title(&alert.title)
            .body(body_text(&alert.body));
        if alert.sound {
            builder = builder.sound("default");
        }
        if let Err(e) = builder.show() {
            eprintln!("InfoLobby Desktop could not show a notification: {e}");
        }
    }
}

/// Connects to the session bus and follows clicks on our notifications (Linux only).
pub fn install<R: Runtime>(app: &AppHandle<R>) {
    #[cfg(target_os = "linux")]
    {
        let app = app.clone();
        tauri::async_runtime::spawn(async move {
            match linux::Bus::connect().await {
                Ok(bus) => {
                    let listening = bus.clone();
                    app.manage(bus);
                    listening
                        .follow_clicks(|target| match target {
                            Some(t) => crate::open::open(&app, t),
                            None => crate::window::show_main(&app),
                        })
                        .await;
                }
                Err(e) => eprintln!("InfoLobby Desktop: no session bus for notifications: {e}"),
            }
        });
    }
    #[cfg(not(target_os = "linux"))]
    {
        use tauri_plugin_notification::NotificationExt;
        let handle = app.clone();
        let _ = app
            .notification()
            .on_action(move |_| crate::window::show_main(&handle));
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use std::collections::{HashMap, VecDeque};
    use std::sync::{Arc, Mutex};

    use futures_util::StreamExt;
    use zbus::zvariant::Value;

    use super::body_text;
    use crate::watcher::{Alert, OpenTarget};

    const DEST: &str = "org.freedesktop.Notifications";
    const PATH: &str = "/org/freedesktop/Notifications";
    /// Targets of this many recent alerts are kept for their clicks.
    const REMEMBERED: usize = 200;

    /// Our recent notifications' ids and what each opens.
    type Sent = VecDeque<(u32, Option<OpenTarget>)>;

    #[derive(Clone)]
    pub struct Bus {
        conn: zbus::Connection,
        targets: Arc<Mutex<Sent>>,
    }

    impl Bus {
        pub async fn connect() -> zbus::Result<Self> {
            let conn = zbus::Connection::session().await?;
            // Without an object server, method calls to this connection's name are never
            // answered, and a caller that asks (a tray host probing every name of the app)
            // waits for its timeout. With one, it gets "no such object" at once.
            let _ = conn.object_server();
            Ok(Self {
                conn,
                targets: Arc::default(),
            })
        }

        pub async fn show(&self, alert: &Alert) -> zbus::Result<u32> {
            let mut hints: HashMap<&str, Value<'_>> = HashMap::new();
            hints.insert("desktop-entry", Value::from("infolobby-desktop"));
            if alert.sound {
                hints.insert("sound-name", Value::from("message-new-instant"));
            } else {
                hints.insert("suppress-sound", Value::from(true));
            }
            let actions = ["default", "Open"];
            let body = body_text(&alert.body);
            let reply = self
                .conn
                .call_method(
                    Some(DEST),
                    PATH,
                    Some(DEST),
                    "Notify",
                    &(
                        "InfoLobby Desktop",
                        0u32,
                        "",
                        alert.title.as_str(),
                        body.as_str(),
                        &actions[..],
                        hints,
                        -1i32,
                    ),
                )
                .await?;
            let id: u32 = reply.body().deserialize()?;
            let mut targets = self.targets.lock().unwrap_or_else(|p| p.into_inner());
            targets.push_back((id, alert.target.clone()));
            while targets.len() > REMEMBERED {
                targets.pop_front();
            }
            Ok(id)
        }

        /// Calls `on_click` for each "default" action on one of our notifications, for the
        /// life of the app. Signals for ids we did not send (other apps') are ignored.
        pub async fn follow_clicks(&self, on_click: impl Fn(Option<OpenTarget>)) {
            let rule = match zbus::MatchRule::builder()
                .msg_type(zbus::message::Type::Signal)
                .sender(DEST)
                .and_then(|b| b.interface(DEST))
                .and_then(|b| b.member("ActionInvoked"))
            {
                Ok(b) => b.build(),
                Err(e) => {
                    eprintln!("InfoLobby Desktop: notification clicks not followed: {e}");
                    return;
                }
            };
            let mut stream = match zbus::MessageStream::for_match_rule(rule, &self.conn, None).await
            {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("InfoLobby Desktop: notification clicks not followed: {e}");
                    return;
                }
            };
            while let Some(message) = stream.next().await {
                let Ok(message) = message else { continue };
                let Ok((id, action)) = message.body().deserialize::<(u32, String)>() else {
                    continue;
                };
                if action != "default" {
                    continue;
                }
                let found = {
                    let targets = self.targets.lock().unwrap_or_else(|p| p.into_inner());
                    targets
                        .iter()
                        .find(|(i, _)| *i == id)
                        .map(|(_, t)| t.clone())
                };
                if let Some(target) = found {
                    on_click(target);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notification_bodies_reach_markup_daemons_as_text() {
        let body = body_text("<b>Ada</b> & <a href='x'>co</a>");
        if cfg!(target_os = "linux") {
            assert_eq!(
                body,
                "&lt;b&gt;Ada&lt;/b&gt; &amp; &lt;a href='x'&gt;co&lt;/a&gt;"
            );
        } else {
            assert_eq!(body, "<b>Ada</b> & <a href='x'>co</a>");
        }
    }
}
