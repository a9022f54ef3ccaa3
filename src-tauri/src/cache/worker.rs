//! A cache database on a thread of its own. Writes are queued and the command that fetched the
//! data answers at once; reads wait their turn behind earlier writes, so a read never sees
//! less than what was fetched before it. A panic in one job ends that job only.

use std::panic::AssertUnwindSafe;
use std::sync::mpsc;

use super::db::Db;

type Job = Box<dyn FnOnce(&mut Db) + Send>;

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
                for msg in queue {
                    match msg {
                        Msg::Job(job) => {
                            let _ = std::panic::catch_unwind(AssertUnwindSafe(|| job(&mut db)));
                        }
                        Msg::Close(done) => {
                            drop(db);
                            let _ = done.send(());
                            return;
                        }
                    }
                }
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
