//! A downloaded attachment as it came off the wire: the JSON answer with the file in base64.
//! It is decoded in pieces straight into the caller's writer, so a 10 MB file costs its
//! 13.4 MB answer and a small buffer, not the answer, a parsed copy and the decoded bytes.

use std::io::Write;

use base64::Engine;
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::error::{excerpt, Error};

/// Base64 characters decoded at a time: a multiple of 4, so every piece decodes on its own.
const PIECE: usize = 64 * 1024;

/// A file download, still encoded. `name` and `mime` are the server's words, not yet made safe
/// for a file system.
#[derive(Debug)]
pub struct EncodedFile {
    pub name: String,
    pub mime: String,
    /// The whole JSON answer; `data` is found again when writing, borrowed from it.
    body: Vec<u8>,
}

#[derive(Deserialize)]
struct Answer<'a> {
    #[serde(default)]
    name: Option<String>,
    #[serde(default, rename = "type")]
    mime: Option<String>,
    #[serde(borrow, default)]
    data: Option<&'a RawValue>,
}

fn decode_error(message: impl Into<String>, body: &str) -> Error {
    Error::Decode {
        message: message.into(),
        body: excerpt(body),
    }
}

impl EncodedFile {
    /// Reads a `files/get` answer body.
    pub fn parse(body: Vec<u8>) -> Result<Self, Error> {
        let answer: Answer<'_> = serde_json::from_slice(&body).map_err(|e| {
            let head = String::from_utf8_lossy(body.get(..400).unwrap_or(&body)).into_owned();
            decode_error(e.to_string(), &head)
        })?;
        if answer.data.is_none() {
            return Err(decode_error("the answer has no file data", ""));
        }
        let (name, mime) = (
            answer.name.unwrap_or_default(),
            answer.mime.unwrap_or_default(),
        );
        Ok(Self { name, mime, body })
    }

    /// Decodes the file into `sink` and returns how many bytes were written. JSON escapes that
    /// encoders put into base64 (`\/`, `\n`) are understood; anything else is refused.
    pub fn write_to(&self, sink: &mut impl Write) -> Result<u64, Error> {
        let answer: Answer<'_> =
            serde_json::from_slice(&self.body).map_err(|e| decode_error(e.to_string(), ""))?;
        let raw = answer.data.map(RawValue::get).unwrap_or("\"\"");
        let text = raw
            .strip_prefix('"')
            .and_then(|t| t.strip_suffix('"'))
            .ok_or_else(|| decode_error("file data is not a string", raw))?;
        let engine = base64::engine::general_purpose::STANDARD;
        let mut piece = Vec::with_capacity(PIECE);
        let mut written = 0u64;
        let mut flush = |piece: &mut Vec<u8>, written: &mut u64| -> Result<(), Error> {
            let bytes = engine
                .decode(piece.as_slice())
                .map_err(|e| decode_error(format!("file data is not base64: {e}"), ""))?;
            sink.write_all(&bytes).map_err(|e| Error::Network {
                message: format!("could not write the file: {e}"),
            })?;
            *written = written.saturating_add(bytes.len() as u64);
            piece.clear();
            Ok(())
        };
        let mut bytes = text.bytes();
        while let Some(b) = bytes.next() {
            let c = match b {
                b'\\' => match bytes.next() {
                    Some(b'/') => b'/',
                    Some(b'n' | b'r' | b't') => continue,
                    _ => {
                        return Err(decode_error(
                            "file data has an escape base64 cannot hold",
                            "",
                        ))
                    }
                },
                b' ' | b'\n' | b'\r' | b'\t' => continue,
                other => other,
            };
            piece.push(c);
            if piece.len() == PIECE {
                flush(&mut piece, &mut written)?;
            }
        }
        if !piece.is_empty() {
            flush(&mut piece, &mut written)?;
        }
        Ok(written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(json: &str) -> Result<Vec<u8>, Error> {
        let file = EncodedFile::parse(json.as_bytes().to_vec())?;
        let mut out = Vec::new();
        file.write_to(&mut out)?;
        Ok(out)
    }

    #[test]
    fn decodes_plain_escaped_and_wrapped_base64() {
        assert_eq!(
            decoded(r#"{"name":"a","data":"aGk/"}"#).ok(),
            Some(b"hi?".to_vec())
        );
        assert_eq!(decoded(r#"{"data":"aGk\/"}"#).ok(), Some(b"hi?".to_vec()));
        assert_eq!(
            decoded(r#"{"data":"aGVs\nbG8="}"#).ok(),
            Some(b"hello".to_vec())
        );
        assert_eq!(decoded(r#"{"data":""}"#).ok(), Some(Vec::new()));
    }

    #[test]
    fn refuses_what_is_not_a_file() {
        assert_eq!(
            decoded(r#"{"data":"@@@@"}"#).map_err(|e| e.code().as_str()),
            Err("decode")
        );
        assert_eq!(
            decoded(r#"{"data":"\u0041AAA"}"#).map_err(|e| e.code().as_str()),
            Err("decode")
        );
        assert_eq!(
            decoded(r#"{"data":5}"#).map_err(|e| e.code().as_str()),
            Err("decode")
        );
        assert_eq!(
            decoded(r#"{"name":"x"}"#).map_err(|e| e.code().as_str()),
            Err("decode")
        );
        assert_eq!(decoded("[").map_err(|e| e.code().as_str()), Err("decode"));
    }

    #[test]
    fn large_files_decode_across_pieces() {
        let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let b64 = base64::engine::general_purpose::STANDARD.encode(&data);
        let json =
            format!(r#"{{"name":"big.bin","type":"application/octet-stream","data":"{b64}"}}"#);
        assert_eq!(decoded(&json).ok(), Some(data));
    }
}
