//! Native reminders that a key is about to expire, so someone who keeps the window closed to the
//! tray still hears of it in time. At most one per connection per day.

use chrono::NaiveDate;

use super::Alert;
use crate::connections::Connection;

/// Whole days from `today` to the key's expiry date; `None` without a (valid) date.
pub fn days_left(expires_on: Option<&str>, today: NaiveDate) -> Option<i64> {
    let end = NaiveDate::parse_from_str(expires_on?, "%Y-%m-%d").ok()?;
    Some((end - today).num_days())
}

/// The reminder to show for a connection today, if its key expires within `days_before` days or
/// already has.
pub fn reminder(conn: &Connection, today: NaiveDate, days_before: u32) -> Option<Alert> {
    let days = days_left(conn.expires_on.as_deref(), today)?;
    if days > i64::from(days_before) {
        return None;
    }
    let when = match days {
        d if d < 0 => "has expired".to_string(),
        0 => "expires today".to_string(),
        1 => "expires tomorrow".to_string(),
        d => format!("expires in {d} days"),
    };
    Some(Alert {
        target: Some(super::OpenTarget::connection(&conn.id)),
        ..Alert::plain(
            format!("The key of “{}” {when}", conn.name),
            "Replace it under Connections to keep working.",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connections::Capabilities;

    fn conn(expires_on: Option<&str>) -> Connection {
        Connection {
            id: "c1".into(),
            name: "Work".into(),
            base_url: String::new(),
            key_hint: "il_user_…abcd".into(),
            capabilities: Capabilities::for_kind(infolobby::KeyKind::Personal),
            expires_on: expires_on.map(String::from),
            key_invalid: false,
            demo: false,
            alerts: Default::default(),
            cache: Default::default(),
        }
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn reminds_within_the_window_and_says_when() {
        let today = day("2026-12-30");
        let title = |d: &str| reminder(&conn(Some(d)), today, 14).map(|a| a.title);
        assert_eq!(title("2027-01-20"), None, "22 days away");
        assert_eq!(
            title("2027-01-13").as_deref(),
            Some("The key of “Work” expires in 14 days")
        );
        assert_eq!(
            title("2026-12-31").as_deref(),
            Some("The key of “Work” expires tomorrow")
        );
        assert_eq!(
            title("2026-12-30").as_deref(),
            Some("The key of “Work” expires today")
        );
        assert_eq!(
            title("2026-11-01").as_deref(),
            Some("The key of “Work” has expired")
        );
        assert_eq!(reminder(&conn(None), today, 14), None);
        assert_eq!(reminder(&conn(Some("31/12/2026")), today, 14), None);
    }
}
