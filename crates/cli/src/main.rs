//! `policy-search`: the maintainers' and testers' view of the index embedded at build time
//! (the commands are `policy_search_cli::run`'s; see its usage).

use std::process::ExitCode;

use policy_search::Engine;

fn main() -> ExitCode {
    // Any argv: an argument that is not UTF-8 is a clear error, not a panic.
    let args: Result<Vec<String>, String> = std::env::args_os()
        .skip(1)
        .enumerate()
        .map(|(i, a)| {
            a.into_string().map_err(|a| format!("argument {} is not valid UTF-8: {:?}", i + 1, a.to_string_lossy()))
        })
        .collect();
    let run = |args: Vec<String>| {
        let engine = Engine::embedded().map_err(|e| e.to_string())?;
        policy_search_cli::run(&engine, &args, std::io::stdout().lock())
    };
    match args.and_then(run) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("policy-search: {message}");
            ExitCode::from(2)
        }
    }
}
