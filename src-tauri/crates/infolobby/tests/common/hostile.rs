//! A server that answers like a broken or hostile one would: lying headers, bodies without end,
//! redirects, a slow reader, a reset, a slow answer. Each connection gets the next act of the script; after the script,
//! `200 []`. Used by the fault and hostile-server tests and the memory benchmark.
#![allow(dead_code, clippy::unwrap_used, clippy::indexing_slicing)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[derive(Clone)]
pub enum Act {
    /// Status line and headers as given (without the blank line), then `body`, then close.
    /// No Content-Length is added: the head says what it says.
    Raw(String, Vec<u8>),
    /// A 200 whose chunked body never ends, `chunk` bytes at a time, `pause` between chunks.
    Endless { chunk: usize, pause: Duration },
    /// Reads the request body at `bytes_per_sec`, then answers 200 with `body`.
    SlowReader { bytes_per_sec: usize, body: String },
    /// Reads the request and closes the connection without an answer.
    Reset,
    /// Waits this long, then answers 200 `[]`.
    Slow(Duration),
}

impl Act {
    /// A well-formed answer with extra header lines (each ending in `\r\n`).
    pub fn reply(status: u16, headers: &str, body: impl Into<Vec<u8>>) -> Act {
        let body = body.into();
        Act::Raw(
            format!(
                "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n{headers}",
                body.len()
            ),
            body,
        )
    }
}

pub struct Hostile {
    pub url: String,
    pub hits: Arc<AtomicUsize>,
    /// The Authorization header of every request received.
    pub auth: Arc<Mutex<Vec<String>>>,
}

impl Hostile {
    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }
}

/// Reads a request head; returns it and the body bytes already read.
async fn read_head(sock: &mut TcpStream) -> Option<(String, Vec<u8>)> {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = sock.read(&mut buf).await.ok()?;
        if n == 0 {
            return None;
        }
        got.extend_from_slice(&buf[..n]);
        if let Some(end) = got.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&got[..end]).into_owned();
            return Some((head, got[end + 4..].to_vec()));
        }
    }
}

fn content_length(head: &str) -> usize {
    head.lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().parse().unwrap_or(0))
        })
        .unwrap_or(0)
}

pub async fn serve(script: Vec<Act>) -> Hostile {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/api", listener.local_addr().unwrap());
    let hits = Arc::new(AtomicUsize::new(0));
    let auth = Arc::new(Mutex::new(Vec::new()));
    let script = Arc::new(Mutex::new(script.into_iter()));
    let (counter, seen) = (hits.clone(), auth.clone());
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            let next = script.lock().unwrap().next();
            let (counter, seen) = (counter.clone(), seen.clone());
            tokio::spawn(async move {
                let Some((head, mut body)) = read_head(&mut sock).await else {
                    return;
                };
                counter.fetch_add(1, Ordering::SeqCst);
                if let Some(a) = head
                    .lines()
                    .find(|l| l.to_ascii_lowercase().starts_with("authorization:"))
                {
                    seen.lock().unwrap().push(a.to_string());
                }
                let want = content_length(&head);
                let slow = match &next {
                    Some(Act::SlowReader { bytes_per_sec, .. }) => Some(*bytes_per_sec),
                    _ => None,
                };
                let mut buf = vec![0u8; slow.map(|r| (r / 10).max(1)).unwrap_or(65536)];
                while body.len() < want {
                    let Ok(n) = sock.read(&mut buf).await else {
                        return;
                    };
                    if n == 0 {
                        return;
                    }
                    body.extend_from_slice(&buf[..n]);
                    if slow.is_some() {
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                }
                match next {
                    Some(Act::Reset) => return,
                    Some(Act::Slow(d)) => {
                        tokio::time::sleep(d).await;
                        let _ = sock
                            .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n[]")
                            .await;
                    }
                    None => {
                        let _ = sock
                            .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n[]")
                            .await;
                    }
                    Some(Act::Raw(head, body)) => {
                        let _ = sock.write_all(format!("{head}\r\n").as_bytes()).await;
                        let _ = sock.write_all(&body).await;
                    }
                    Some(Act::SlowReader { body, .. }) => {
                        let resp = format!(
                            "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                            body.len()
                        );
                        let _ = sock.write_all(resp.as_bytes()).await;
                    }
                    Some(Act::Endless { chunk, pause }) => {
                        let head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
                        if sock.write_all(head.as_bytes()).await.is_err() {
                            return;
                        }
                        let piece = format!("{chunk:x}\r\n{}\r\n", "[".repeat(chunk));
                        while sock.write_all(piece.as_bytes()).await.is_ok() {
                            if !pause.is_zero() {
                                tokio::time::sleep(pause).await;
                            }
                        }
                    }
                }
                let _ = sock.shutdown().await;
            });
        }
    });
    Hostile { url, hits, auth }
}
