//! The `quotelens` command-line tool.
//!
//! ```text
//! quotelens analyze [FILE|-] [--json|--text|--html] [--lang TAG]
//! quotelens tokens  [FILE|-] [--json|--table] [--raw]
//! ```

use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;

use quotelens::{
    tokenize, word_bounds, Analyzer, Lang, Options, Report, Utf16Map, MAX_INPUT_BYTES,
};

const USAGE: &str = "\
usage: quotelens analyze [FILE|-] [--json|--text|--html] [--lang TAG]
       quotelens tokens  [FILE|-] [--json|--table] [--raw]
       quotelens --help | --version

Reads UTF-8 text from FILE, or from standard input when FILE is - or absent;
at most 20 MiB (a larger input is refused with exit code 1).
  analyze   quotations, speakers, sentences and figures
            --json  the Analysis JSON (UTF-16 offsets; the default when
                    standard output is not a terminal)
            --text  a readable summary (the default on a terminal)
            --html  the text as escaped HTML with a <mark> per quotation
            --lang  language hint: en, de, fr, es, … (default: auto)
  tokens    one token per line
            --json  JSON lines {start,end,kind,text}, UTF-16 offsets (the
                    default when standard output is not a terminal)
            --table an aligned table (the default on a terminal)
            --raw   Unicode default word boundaries (UAX #29), printed as
                    {\"segments\": [...]}
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(msg)) => {
            eprintln!("quotelens: {msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Input(msg)) => {
            eprintln!("quotelens: {msg}");
            ExitCode::from(1)
        }
        Err(Failure::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Output(e)) => {
            eprintln!("quotelens: cannot write output: {e}");
            ExitCode::from(1)
        }
    }
}

enum Failure {
    Usage(String),
    Input(String),
    Output(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        Failure::Output(e)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Text,
    Html,
    Table,
    Raw,
}

struct Args {
    command: String,
    file: Option<String>,
    format: Option<Format>,
    lang: Lang,
}

fn parse(args: &[String]) -> Result<Args, Failure> {
    let mut it = args.iter();
    let command = match it.next().map(String::as_str) {
        None => return Err(Failure::Usage("no command given".into())),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            std::process::exit(0);
        }
        Some("-V" | "--version") => {
            println!("quotelens {}", env!("CARGO_PKG_VERSION"));
            std::process::exit(0);
        }
        Some(c @ ("analyze" | "tokens")) => c.to_owned(),
        Some(other) => return Err(Failure::Usage(format!("unknown command '{other}'"))),
    };
    let mut out = Args {
        command,
        file: None,
        format: None,
        lang: Lang::Auto,
    };
    let analyze = out.command == "analyze";
    while let Some(a) = it.next() {
        let fmt = match a.as_str() {
            "--json" => Some(Format::Json),
            "--text" if analyze => Some(Format::Text),
            "--html" if analyze => Some(Format::Html),
            "--table" if !analyze => Some(Format::Table),
            "--raw" if !analyze => Some(Format::Raw),
            _ => None,
        };
        if let Some(f) = fmt {
            out.format = Some(f);
            continue;
        }
        match a.as_str() {
            "--lang" => {
                let tag = it
                    .next()
                    .ok_or_else(|| Failure::Usage("--lang needs a language tag".into()))?;
                out.lang = Lang::from_tag(tag).ok_or_else(|| {
                    Failure::Usage(format!("unknown language tag '{tag}' (try en, de, fr, es)"))
                })?;
            }
            "-" => out.file = None,
            f if f.starts_with('-') => {
                return Err(Failure::Usage(format!(
                    "unknown option '{f}' for '{}'",
                    out.command
                )))
            }
            f => {
                if out.file.is_some() {
                    return Err(Failure::Usage("give at most one FILE".into()));
                }
                out.file = Some(f.to_owned());
            }
        }
    }
    Ok(out)
}

/// Reads the whole input, refusing more than [`MAX_INPUT_BYTES`], and
/// checks it is UTF-8, saying where it is not.
///
/// At most one byte past the limit is ever read, so an endless or huge
/// pipe (`yes | quotelens analyze`) is refused without filling memory.
fn read_input(file: Option<&str>) -> Result<String, Failure> {
    let (name, bytes) = match file {
        None => {
            let buf = read_bounded(io::stdin().lock())
                .map_err(|e| Failure::Input(format!("cannot read standard input: {e}")))?;
            ("standard input".to_owned(), buf)
        }
        Some(path) => {
            let buf = std::fs::File::open(path)
                .and_then(read_bounded)
                .map_err(|e| Failure::Input(format!("cannot read '{path}': {e}")))?;
            (format!("'{path}'"), buf)
        }
    };
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(Failure::Input(format!(
            "{name} is larger than the input limit of {} MiB ({MAX_INPUT_BYTES} bytes); \
             split it into smaller parts",
            MAX_INPUT_BYTES >> 20
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = 1 + bytes.iter().take(at).filter(|&&b| b == b'\n').count();
        let col = at - bytes.iter().take(at).rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
        Failure::Input(format!(
            "{name} is not valid UTF-8: invalid byte 0x{:02X} at byte offset {at} (line {line}, column {col})",
            bytes.get(at).copied().unwrap_or(0)
        ))
    })
}

/// Reads `r` to its end or to one byte past [`MAX_INPUT_BYTES`],
/// whichever comes first.
fn read_bounded(r: impl Read) -> io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    r.take(MAX_INPUT_BYTES as u64 + 1).read_to_end(&mut buf)?;
    Ok(buf)
}

fn run(args: &[String]) -> Result<(), Failure> {
    let args = parse(args)?;
    let text = read_input(args.file.as_deref())?;
    let tty = io::stdout().is_terminal();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.command == "tokens" {
        let format = args
            .format
            .unwrap_or(if tty { Format::Table } else { Format::Json });
        print_tokens(&mut out, &text, format)?;
    } else {
        let format = args
            .format
            .unwrap_or(if tty { Format::Text } else { Format::Json });
        let mut opts = Options::default();
        opts.lang = args.lang;
        let analysis = Analyzer::with_options(opts).analyze(&text);
        match format {
            Format::Json => {
                let report = Report::new(&text, &analysis);
                serde_json::to_writer(&mut out, &report).map_err(io::Error::from)?;
                writeln!(out)?;
            }
            Format::Html => {
                writeln!(out, "{}", quotelens::render_html(&text, &analysis))?;
            }
            _ => print_summary(&mut out, &text, &analysis)?,
        }
    }
    out.flush()?;
    Ok(())
}

fn print_tokens(out: &mut impl Write, text: &str, format: Format) -> io::Result<()> {
    let map = Utf16Map::new(text);
    if format == Format::Raw {
        let segments: Vec<&str> = word_bounds(text).map(|s| s.text(text)).collect();
        serde_json::to_writer(&mut *out, &serde_json::json!({ "segments": segments }))?;
        return writeln!(out);
    }
    for t in tokenize(text) {
        let s = t.span.text(text);
        if format == Format::Table {
            writeln!(
                out,
                "{:>7} {:>7}  {:<13} {}",
                map.to_utf16(t.span.start),
                map.to_utf16(t.span.end),
                t.kind.name(),
                s.escape_debug()
            )?;
        } else {
            let line = serde_json::json!({
                "start": map.to_utf16(t.span.start),
                "end": map.to_utf16(t.span.end),
                "kind": t.kind.name(),
                "text": s,
            });
            serde_json::to_writer(&mut *out, &line)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

fn print_summary(out: &mut impl Write, text: &str, a: &quotelens::Analysis) -> io::Result<()> {
    let st = &a.stats;
    writeln!(
        out,
        "{} words, {} sentences, {} paragraphs, {} min read; {} quotations, {:.0}% of words quoted",
        st.words,
        st.sentences,
        st.paragraphs,
        st.reading_minutes,
        a.quotes.len(),
        st.quoted_share * 100.0
    )?;
    for q in &a.quotes {
        let who = q
            .attribution
            .as_ref()
            .map(|at| match at.speaker.and_then(|i| a.speakers.get(i)) {
                Some(s) => s.name.clone(),
                None => at.mention.map_or("?", |m| m.text(text)).to_owned(),
            })
            .unwrap_or_else(|| "?".to_owned());
        writeln!(
            out,
            "{:<6} {:<24} {}",
            q.kind.name(),
            who,
            q.span.text(text).replace('\n', " ")
        )?;
    }
    if !a.speakers.is_empty() {
        writeln!(out, "\nspeakers:")?;
        for s in &a.speakers {
            writeln!(
                out,
                "  {:<28} {:>3} quotations {:>5} words",
                s.name, s.quotes, s.words
            )?;
        }
    }
    Ok(())
}
