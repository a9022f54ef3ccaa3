//! A cache database on a thread of its own. Writes are queued and the command that fetched the
//! data answers at once; reads wait their turn behind earlier writes, so a read never sees
//! less than what was fetched before it. A panic in one job ends that job only.

use std::panic::AssertUnwindSafe;
use std::sync::mpsc;
use std::time::Duration;

use super::db::Db;

type Job = Box<dyn FnOnce(&mut Db) + Send>;

/// How long the cache must be idle before reads' use times are written.
const USES_WRITTEN_AFTER: Duration = Duration::from_millis(500);

enum Msg {
    Job(Job),
    /// Close the database and say so: its files may be deleted after that.
    Close(mpsc::Sender<()>),
}

pub struct Worker {
    jobs: mpsc::Sender<Msg>,
}

impl Worker {
    pub fn start(mut db: Db, name: &str) -> std::io::Result<Self> {
        let (jobs, queue) = mpsc::channel::<Msg>();
        std::thread::Builder::new()
            .name(format!("cache-{name}"))
            .spawn(move || {
                let run = |db: &mut Db, job: Job| {
                    let _ = std::panic::catch_unwind(AssertUnwindSafe(|| job(db)));
                };
                let write_uses = |db: &mut Db| run(db, Box::new(|db| drop(db.write_uses())));
                loop {
                    // Reads leave their use times for a quiet moment (see `Db::write_uses`).
                    let msg = if db.has_unwritten_uses() {
                        match queue.recv_timeout(USES_WRITTEN_AFTER) {
                            Ok(msg) => msg,
                            Err(mpsc::RecvTimeoutError::Timeout) => {
                                write_uses(&mut db);
                                continue;
                            }
                            Err(mpsc::RecvTimeoutError::Disconnected) => break,
                        }
                    } else {
                        match queue.recv() {
                            Ok(msg) => msg,
                            Err(_) => break,
                        }
                    };
                    match msg {
                        Msg::Job(job) => run(&mut db, job),
                        Msg::Close(done) => {
                            write_uses(&mut db);
                            drop(db);
                            let _ = done.send(());
                            return;
                        }
                    }
                }
                write_uses(&mut db);
            })?;
        Ok(Self { jobs })
    }

    /// Runs what is queued, then closes the database; later jobs are dropped.
    pub fn close_blocking(&self) {
        let (tx, rx) = mpsc::channel();
        if self.jobs.send(Msg::Close(tx)).is_ok() {
            let _ = rx.recv();
        }
    }

    /// Queues a write; it runs after everything queued before it.
    pub fn write(&self, f: impl FnOnce(&mut Db) + Send + 'static) {
        let _ = self.jobs.send(Msg::Job(Box::new(f)));
    }

    /// Runs a read after the queued writes; `None` if the thread is gone.
    pub async fn read<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Db) -> T + Send + 'static,
    ) -> Option<T> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.jobs
            .send(Msg::Job(Box::new(move |db| {
                let _ = tx.send(f(db));
            })))
            .ok()?;
        rx.await.ok()
    }

    /// The same, for code that is not async (the benchmark, tests).
    pub fn read_blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Db) -> T + Send + 'static,
    ) -> Option<T> {
        let (tx, rx) = mpsc::channel();
        self.jobs
            .send(Msg::Job(Box::new(move |db| {
                let _ = tx.send(f(db));
            })))
            .ok()?;
        rx.recv().ok()
    }
}
