//! Command line and environment: every setting is a flag and an environment variable, and
//! `--help` documents both. `.env.example` lists the variables with their defaults.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use url::Url;

#[derive(Debug, Parser)]
#[command(name = "prisoner-tracker", version, about = "Documents political prisoners and their release")]
pub struct Cli {
    #[command(flatten)]
    pub database: DatabaseConfig,

    /// How log lines are written.
    #[arg(long, env = "LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    pub log_format: LogFormat,

    /// What to do; `serve` when left out.
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct DatabaseConfig {
    /// PostgreSQL server to use, e.g. `postgres://user:password@host/prisoner_tracker`. When unset,
    /// a private cluster is started under LOCAL_PG_DIR (Unix socket only).
    #[arg(long, env = "DATABASE_URL", hide_env_values = true, global = true)]
    pub database_url: Option<String>,

    /// Folder of the private PostgreSQL cluster used when DATABASE_URL is unset.
    #[arg(long, env = "LOCAL_PG_DIR", default_value = ".pgdata", global = true)]
    pub local_pg_dir: PathBuf,

    /// Most connections the server keeps open to PostgreSQL.
    #[arg(long, env = "DATABASE_MAX_CONNECTIONS", default_value_t = 16, global = true)]
    pub max_connections: u32,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Apply migrations and serve the site.
    Serve(ServeArgs),
    /// Apply pending migrations and exit.
    Migrate,
    /// Load the real, sourced demo records (idempotent: records already present are left alone).
    SeedDemo,
    /// Write obviously synthetic people, detentions, events, facilities and waves for scale tests.
    GenerateSynthetic(SyntheticArgs),
    /// Create an account for an editor or admin. The password is read from standard input
    /// (never from an argument, which other users of the machine could see).
    CreateUser(CreateUserArgs),
    /// Change an existing account: disable or enable it, give it a new password (read from
    /// standard input), or end its sessions. Each change is written to the audit log.
    #[command(subcommand)]
    User(UserCommand),
    /// Import people from a CSV file (the columns of `/prisoners.csv`, and more; see the README),
    /// or a whole dataset written by `export` (its folder, or the zip from `/data`) into an empty
    /// database. Checks everything and prints what would happen; `--apply` then writes it all in
    /// one transaction, or nothing when anything has a mistake. Exits non-zero when something has.
    Import(ImportArgs),
    /// Write the published dataset (a CSV file per table, dataset.json, datapackage.json and
    /// README.txt, as `/data` serves them) into a folder.
    Export(ExportArgs),
    /// Print the query plans (EXPLAIN ANALYZE, BUFFERS) of the SQL that a search of
    /// `/prisoners` runs, given its query string, e.g. `explain 'q=Losik&status=held'`.
    Explain(ExplainArgs),
    /// Manage the private PostgreSQL cluster used when DATABASE_URL is unset.
    LocalDb {
        #[command(subcommand)]
        action: LocalDbAction,
    },
}

#[derive(Debug, Clone, Args)]
pub struct ExplainArgs {
    /// The query string of a `/prisoners` address, as after its `?`.
    pub query: String,
}

#[derive(Debug, Clone, Parser)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "BIND_ADDR", default_value = "127.0.0.1:3000")]
    pub bind_addr: SocketAddr,

    /// Public origin of the site, used in canonical links and link previews
    /// (e.g. `https://prisoners.example.org`). Defaults to `http://BIND_ADDR`.
    #[arg(long, env = "BASE_URL")]
    pub base_url: Option<Url>,

    /// Seconds before a request is abandoned with 408.
    #[arg(long, env = "REQUEST_TIMEOUT_SECS", default_value_t = 30)]
    pub request_timeout_secs: u64,

    /// Load the demo records before serving (as `seed-demo` does).
    #[arg(long)]
    pub seed_demo: bool,

    /// The reverse proxies and CDN ranges in front of the site, as CIDR ranges separated by
    /// commas (`127.0.0.1/32,10.0.0.0/8`). Only connections from them may name the client in
    /// `X-Forwarded-For` / `Forwarded`; empty (the default) trusts no one.
    #[arg(long, env = "TRUSTED_PROXIES", value_delimiter = ',', num_args = 0..)]
    pub trusted_proxies: Vec<sqlx::types::ipnetwork::IpNetwork>,

    /// Whether an editor's change to a published record waits for an admin's approval
    /// (`/admin/review`) before the public sees it. On by default; `false` lets editors'
    /// changes go live at once.
    #[arg(long, env = "REVIEW_EDITS", default_value_t = true, action = clap::ArgAction::Set)]
    pub review_edits: bool,
}

impl ServeArgs {
    /// The public origin without a trailing slash: `BASE_URL`, or one made from `BIND_ADDR`.
    pub fn public_origin(&self) -> anyhow::Result<String> {
        let url = match &self.base_url {
            Some(url) => url.clone(),
            None => Url::parse(&format!("http://{}", self.bind_addr))?,
        };
        if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
            anyhow::bail!("BASE_URL must be an http or https URL, such as https://prisoners.example.org");
        }
        Ok(url.as_str().trim_end_matches('/').to_owned())
    }
}

#[derive(Debug, Clone, Args)]
pub struct SyntheticArgs {
    /// How many synthetic people to write.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=5_000_000))]
    pub prisoners: u32,

    /// Seed of the random generator: the same seed writes the same data.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,

    /// Write people with their names and citizenships only, without detentions, events or
    /// citations: enough for name searches at a scale whose case records would take hours to
    /// write (the benchmark's million). Their stored status then has no detention behind it.
    #[arg(long)]
    pub names_only: bool,
}

#[derive(Debug, Clone, Args)]
pub struct CreateUserArgs {
    /// The e-mail address the person logs in with.
    #[arg(long)]
    pub email: String,

    /// editor: create and edit records; admin: also publish, delete and manage accounts.
    #[arg(long, value_enum)]
    pub role: crate::accounts::Role,
}

#[derive(Debug, Clone, Subcommand)]
pub enum UserCommand {
    /// The account can no longer log in, and its open sessions stop working at once.
    Disable(AccountArgs),
    /// The account can log in again.
    Enable(AccountArgs),
    /// A new password, read from standard input; every session of the account ends.
    ResetPassword(AccountArgs),
    /// Every session of the account ends; the password stays.
    EndSessions(AccountArgs),
    /// The second factor is cleared (a lost phone): the user sets up a new one at their next
    /// login. Every session ends.
    ResetTwoFactor(AccountArgs),
}

#[derive(Debug, Clone, Args)]
pub struct AccountArgs {
    /// The e-mail address of the account.
    pub email: String,
}

#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// A people CSV file (UTF-8, comma-separated, the first row naming the columns), a workbook
    /// (XLSX, ODS or XLS) with such a sheet, or a dataset: a folder written by `export`, or the
    /// `.zip` from `/data`.
    pub file: PathBuf,

    /// Of a workbook: the sheet to read, by the name on its tab (default: the first sheet).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,

    /// The account the changes are made in the name of (its role decides who may publish).
    #[arg(long = "as", value_name = "EMAIL")]
    pub as_email: String,

    /// Write the changes; without it, only check and report (a dry run).
    #[arg(long)]
    pub apply: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// The folder to write into; created if missing. It must be empty, unless `--force`.
    pub dir: PathBuf,

    /// Write into a folder that is not empty, replacing the dataset's files in it.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, Subcommand)]
pub enum LocalDbAction {
    /// Start the cluster if it is not running and print a URL for psql.
    Start,
    /// Say whether the cluster runs.
    Status,
    /// Stop the cluster.
    Stop,
}
