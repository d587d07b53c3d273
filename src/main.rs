use std::io::IsTerminal;

use clap::Parser;
use prisoner_tracker::config::{Cli, Command, LocalDbAction, LogFormat, ServeArgs};
use prisoner_tracker::db::{self, local_cluster::LocalCluster};
use prisoner_tracker::{app, dataset, seed};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    init_tracing(cli.log_format);

    let command = cli.command.unwrap_or_else(|| Command::Serve(ServeArgs::parse_from(["serve"])));
    match command {
        Command::Serve(args) => {
            let pool = db::prepare(&cli.database).await?;
            if args.seed_demo {
                let report = seed::demo::seed(&pool).await?;
                tracing::info!(%report, "demo data");
            }
            app::serve(pool, &args).await?;
        }
        Command::Migrate => {
            db::prepare(&cli.database).await?;
            println!("migrations applied");
        }
        Command::SeedDemo => {
            let pool = db::prepare(&cli.database).await?;
            let report = seed::demo::seed(&pool).await?;
            println!("{report}");
        }
        Command::GenerateSynthetic(args) => {
            let pool = db::prepare(&cli.database).await?;
            let scope = if args.names_only { seed::synthetic::Scope::NamesOnly } else { seed::synthetic::Scope::Full };
            let report = seed::synthetic::generate_scoped(&pool, args.prisoners, args.seed, scope).await?;
            println!("{report}");
        }
        Command::CreateUser(args) => {
            let pool = db::prepare(&cli.database).await?;
            let password = read_password()?;
            let id = prisoner_tracker::accounts::create_user(&pool, &args.email, args.role, password).await?;
            println!("created account {id} for {} ({})", args.email.trim().to_lowercase(), args.role.as_str());
            println!(
                "at its first login, after the password, the user must set up a second factor \
                 (an authenticator app) and keep its recovery codes"
            );
        }
        Command::User(command) => {
            use prisoner_tracker::accounts::AccountChange;
            use prisoner_tracker::config::UserCommand;
            let pool = db::prepare(&cli.database).await?;
            let (args, change) = match command {
                UserCommand::Disable(args) => (args, AccountChange::Disable),
                UserCommand::Enable(args) => (args, AccountChange::Enable),
                UserCommand::ResetPassword(args) => (args, AccountChange::ResetPassword(read_password()?)),
                UserCommand::EndSessions(args) => (args, AccountChange::EndSessions),
                UserCommand::ResetTwoFactor(args) => (args, AccountChange::ResetSecondFactor),
            };
            let done = match change {
                AccountChange::Disable => "disabled; its sessions no longer open anything",
                AccountChange::Enable => "enabled",
                AccountChange::ResetPassword(_) => "has a new password; its sessions have ended",
                AccountChange::EndSessions => "has no open sessions",
                AccountChange::ResetSecondFactor => {
                    "has no second factor; it sets up a new one at its next login, and its sessions have ended"
                }
            };
            prisoner_tracker::accounts::change_account(&pool, &args.email, change, "command line").await?;
            println!("{} {done}", args.email.trim().to_lowercase());
        }
        Command::Import(args) => {
            let pool = db::prepare(&cli.database).await?;
            let ok = if dataset::import::is_dataset(&args.file) {
                dataset::import::run(&pool, &args.file, &args.as_email, args.apply).await?
            } else {
                prisoner_tracker::import::command::run(
                    &pool,
                    &args.file,
                    args.sheet.as_deref(),
                    &args.as_email,
                    args.apply,
                )
                .await?
            };
            if !ok {
                std::process::exit(1);
            }
        }
        Command::Export(args) => {
            let pool = db::prepare(&cli.database).await?;
            dataset::export::run(&pool, &args.dir, args.force).await?;
        }
        Command::Explain(args) => {
            let form: prisoner_tracker::search::query::SearchForm =
                serde_urlencoded::from_str(args.query.trim_start_matches('?'))?;
            let search = prisoner_tracker::search::query::Search::parse(&form)
                .map_err(|invalid| anyhow::anyhow!("{invalid}"))?;
            let pool = db::prepare(&cli.database).await?;
            for plan in db::search::explain(&mut *pool.acquire().await?, &search).await? {
                println!("{plan}\n");
            }
        }
        Command::LocalDb { action } => {
            let cluster = LocalCluster::new(&cli.database.local_pg_dir)?;
            match action {
                LocalDbAction::Start => {
                    cluster.ensure_running()?;
                    println!("running; connect with: psql '{}'", cluster.url(db::LOCAL_DATABASE));
                }
                LocalDbAction::Status => {
                    let state = if cluster.is_running()? { "running" } else { "stopped" };
                    println!("{state}: {}", cluster.socket_dir().display());
                }
                LocalDbAction::Stop => {
                    cluster.stop()?;
                    println!("stopped");
                }
            }
        }
    }
    Ok(())
}

/// One line from standard input; at a terminal it asks for it and hides what is typed.
fn read_password() -> anyhow::Result<String> {
    use nix::sys::termios::{self, LocalFlags, SetArg};
    let stdin = std::io::stdin();
    let terminal = stdin.is_terminal();
    let saved = if terminal {
        eprint!("Password (at least {} characters): ", prisoner_tracker::accounts::MIN_PASSWORD_CHARS);
        let saved = termios::tcgetattr(&stdin)?;
        let mut quiet = saved.clone();
        quiet.local_flags.remove(LocalFlags::ECHO);
        termios::tcsetattr(&stdin, SetArg::TCSANOW, &quiet)?;
        Some(saved)
    } else {
        None
    };
    let mut line = String::new();
    let read = stdin.read_line(&mut line);
    if let Some(saved) = saved {
        termios::tcsetattr(&stdin, SetArg::TCSANOW, &saved)?;
        eprintln!();
    }
    read?;
    Ok(line.trim_end_matches(['\n', '\r']).to_owned())
}

fn init_tracing(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("prisoner_tracker=info,tower_http=info,sqlx=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal());
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}
