//! A private PostgreSQL cluster for development and tests, used when `DATABASE_URL` is unset.
//!
//! It lives in a folder of the project (`.pgdata/` by default), is created with `initdb` on first
//! use, listens on a Unix socket only (never on TCP), and keeps running between commands so the
//! next `serve` or test run reuses it. Run as root, the server runs as the `postgres` system user,
//! because PostgreSQL refuses to run as root.

use std::fs;
use std::io::ErrorKind;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use anyhow::{Context, bail};
use sqlx::postgres::PgConnectOptions;

/// The longest path a Unix socket may have on Linux, less the socket file's own name.
const MAX_SOCKET_DIR_LEN: usize = 100;

/// Where a cluster lives and how to reach it.
#[derive(Debug, Clone)]
pub struct LocalCluster {
    root: PathBuf,
    bin_dir: PathBuf,
    run_as: Option<nix::unistd::User>,
}

impl LocalCluster {
    /// Finds the PostgreSQL server binaries and prepares (but does not start) a cluster in `root`.
    pub fn new(root: &Path) -> anyhow::Result<Self> {
        let bin_dir = find_bin_dir().context(
            "PostgreSQL's server programs (initdb, pg_ctl, postgres) were not found.\n\
             Install them (Debian/Ubuntu: `apt-get install postgresql`; Fedora: `dnf install \
             postgresql-server`; macOS: `brew install postgresql@17`) or set PG_BIN_DIR to their \
             folder, or point DATABASE_URL at an existing server, or run `docker compose up`.",
        )?;
        let run_as = if nix::unistd::geteuid().is_root() {
            let user = nix::unistd::User::from_name("postgres")?.context(
                "running as root, the private PostgreSQL cluster must run as the `postgres` system \
                 user, and there is none: install PostgreSQL's packages (they create it) or run as \
                 an ordinary user",
            )?;
            Some(user)
        } else {
            None
        };
        let mut root = std::path::absolute(root)?;
        // The server user must be able to walk down to the folder, and a socket path has a
        // length limit. A checkout under /root (closed to other users) or a very deep one
        // gets its cluster in /var/tmp instead, under a name derived from the folder.
        let reachable = run_as.as_ref().is_none_or(|user| can_traverse(user, &root));
        if !reachable || root.join("run").as_os_str().len() > MAX_SOCKET_DIR_LEN {
            let fallback = fallback_root(&root);
            tracing::info!(
                wanted = %root.display(),
                using = %fallback.display(),
                "the private cluster cannot live in the project folder (closed to the postgres user, or too deep)"
            );
            root = fallback;
        }
        Ok(LocalCluster { root, bin_dir, run_as })
    }

    fn data_dir(&self) -> PathBuf {
        self.root.join("data")
    }

    /// The folder that holds the server's Unix socket.
    pub fn socket_dir(&self) -> PathBuf {
        self.root.join("run")
    }

    fn log_file(&self) -> PathBuf {
        self.root.join("postgres.log")
    }

    /// Connection options for the superuser, to the `postgres` maintenance database.
    pub fn admin_options(&self) -> PgConnectOptions {
        PgConnectOptions::new().socket(self.socket_dir()).username("postgres").database("postgres")
    }

    /// A URL for `psql` and other tools.
    pub fn url(&self, database: &str) -> String {
        format!("postgresql:///{database}?host={}&user=postgres", self.socket_dir().display())
    }

    /// Creates the cluster if needed and starts it unless it already runs. Safe to call from
    /// several processes at once: a file lock serialises them.
    pub fn ensure_running(&self) -> anyhow::Result<()> {
        fs::create_dir_all(&self.root).with_context(|| format!("cannot create {}", self.root.display()))?;
        let lock = fs::File::create(self.root.join("lock"))?;
        lock.lock().context("cannot lock the local cluster folder")?;

        if !self.data_dir().join("PG_VERSION").exists() {
            self.init()?;
        }
        if !self.is_running()? {
            self.start()?;
        }
        Ok(())
    }

    pub fn is_running(&self) -> anyhow::Result<bool> {
        if !self.data_dir().join("PG_VERSION").exists() {
            return Ok(false);
        }
        // pg_ctl status: 0 running, 3 not running, 4 no accessible data folder.
        let output = self.pg_command("pg_ctl").arg("status").arg("-D").arg(self.data_dir()).output()?;
        Ok(output.status.success())
    }

    pub fn stop(&self) -> anyhow::Result<()> {
        if self.is_running()? {
            let output =
                self.pg_command("pg_ctl").args(["stop", "-m", "fast", "-w", "-D"]).arg(self.data_dir()).output()?;
            check(&output, "pg_ctl stop")?;
        }
        Ok(())
    }

    fn init(&self) -> anyhow::Result<()> {
        tracing::info!(folder = %self.root.display(), "creating a private PostgreSQL cluster");
        let data = self.data_dir();
        let run = self.socket_dir();
        for dir in [&data, &run] {
            fs::create_dir_all(dir)?;
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
            if let Some(user) = &self.run_as {
                nix::unistd::chown(dir.as_path(), Some(user.uid), Some(user.gid))?;
            }
        }
        let output = self
            .pg_command("initdb")
            .arg("-D")
            .arg(&data)
            .args(["-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions"])
            .output()?;
        check(&output, "initdb")?;

        // Unix socket only, reachable by the owner alone (trust authentication is safe only
        // because nobody else can open the socket).
        let settings = format!(
            "\n# Set by prisoner-tracker for its private cluster.\n\
             listen_addresses = ''\n\
             unix_socket_directories = '{}'\n\
             unix_socket_permissions = 0700\n\
             max_connections = 300\n\
             shared_buffers = 256MB\n\
             synchronous_commit = off\n\
             log_min_messages = warning\n",
            run.display()
        );
        let conf = data.join("postgresql.conf");
        let mut text = fs::read_to_string(&conf)?;
        text.push_str(&settings);
        fs::write(&conf, text)?;
        Ok(())
    }

    fn start(&self) -> anyhow::Result<()> {
        tracing::info!(folder = %self.root.display(), "starting the private PostgreSQL cluster");
        let log = self.log_file();
        if let Some(user) = &self.run_as {
            // The server writes its own log file.
            match fs::OpenOptions::new().create(true).append(true).open(&log) {
                Ok(_) => nix::unistd::chown(log.as_path(), Some(user.uid), Some(user.gid))?,
                Err(e) if e.kind() == ErrorKind::PermissionDenied => {}
                Err(e) => return Err(e.into()),
            }
        }
        let output = self
            .pg_command("pg_ctl")
            .args(["start", "-w", "-t", "60", "-D"])
            .arg(self.data_dir())
            .arg("-l")
            .arg(&log)
            .output()?;
        if !output.status.success() {
            let tail = fs::read_to_string(&log).unwrap_or_default();
            let tail: Vec<&str> = tail.lines().rev().take(15).collect();
            bail!(
                "PostgreSQL did not start: {}\nLast lines of {}:\n{}",
                String::from_utf8_lossy(&output.stderr).trim(),
                log.display(),
                tail.into_iter().rev().collect::<Vec<_>>().join("\n")
            );
        }
        Ok(())
    }

    fn pg_command(&self, program: &str) -> Command {
        let mut command = Command::new(self.bin_dir.join(program));
        // A neutral locale and working folder: the server user may not be able to enter ours.
        command.env("LC_ALL", "C.UTF-8").current_dir(&self.root);
        if let Some(user) = &self.run_as {
            command.uid(user.uid.as_raw()).gid(user.gid.as_raw()).env("HOME", &user.dir);
        }
        command
    }
}

/// Whether `user` can enter every folder down to `path` (or to its nearest existing ancestor).
fn can_traverse(user: &nix::unistd::User, path: &Path) -> bool {
    let existing = path.ancestors().find(|p| p.exists()).unwrap_or(Path::new("/"));
    Command::new("test")
        .arg("-x")
        .arg(existing)
        .uid(user.uid.as_raw())
        .gid(user.gid.as_raw())
        .current_dir("/")
        .status()
        .is_ok_and(|status| status.success())
}

/// `/var/tmp/prisoner-tracker-<hash of the wanted folder>`: stable, so it is reused next time.
fn fallback_root(wanted: &Path) -> PathBuf {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(wanted.as_os_str().as_encoded_bytes());
    let tag: String = digest[..6].iter().map(|b| format!("{b:02x}")).collect();
    PathBuf::from(format!("/var/tmp/prisoner-tracker-{tag}"))
}

fn check(output: &Output, what: &str) -> anyhow::Result<()> {
    if output.status.success() {
        Ok(())
    } else {
        bail!(
            "{what} failed ({}): {}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout).trim(),
            String::from_utf8_lossy(&output.stderr).trim()
        )
    }
}

/// `PG_BIN_DIR`, then `pg_config --bindir`, then the newest `/usr/lib/postgresql/*/bin`, then
/// the usual install prefixes.
fn find_bin_dir() -> Option<PathBuf> {
    let has_server = |dir: &Path| ["initdb", "pg_ctl", "postgres"].iter().all(|p| dir.join(p).is_file());

    if let Some(dir) = std::env::var_os("PG_BIN_DIR") {
        return Some(PathBuf::from(dir)).filter(|d| has_server(d));
    }
    let from_pg_config = Command::new("pg_config")
        .arg("--bindir")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()));
    let mut versioned: Vec<(u32, PathBuf)> = fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| Some((entry.file_name().to_str()?.parse().ok()?, entry.path().join("bin"))))
        .collect();
    versioned.sort();
    from_pg_config
        .into_iter()
        .chain(versioned.into_iter().rev().map(|(_, dir)| dir))
        .chain(["/usr/local/pgsql/bin", "/usr/local/bin", "/opt/homebrew/bin", "/usr/bin"].map(PathBuf::from))
        .find(|dir| has_server(dir))
}
