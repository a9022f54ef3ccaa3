//! Timestamps in the API's format (§1, §20): `YYYY-MM-DD HH:MM:SS` UTC.

pub fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%d %H:%M:%S").to_string()
}

pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}
