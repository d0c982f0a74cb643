//! The command-line tool: contract JSON, errors that say where, HTML that
//! never lets text become markup.

#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quotelens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn analyze_prints_the_contract_json() {
    let text = "😀 “We stay,” said Mayor Ines Paz.\n\nShe left.";
    let out = run(&["analyze", "--json", "-"], text.as_bytes());
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let q = &v["quotes"][0];
    let units: Vec<u16> = text.encode_utf16().collect();
    let (s, e) = (
        q["start"].as_u64().unwrap() as usize,
        q["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(String::from_utf16(&units[s..e]).unwrap(), "“We stay,”");
    assert_eq!(q["text"], "We stay,");
    assert_eq!(q["kind"], "speech");
    assert_eq!(q["speaker"]["name"], "Ines Paz");
    assert_eq!(q["cue"]["text"], "said");
    assert_eq!(v["sentences"].as_array().unwrap().len(), 2);
    assert_eq!(v["paragraphs"].as_array().unwrap().len(), 2);
    assert_eq!(v["speakers"][0]["quotes"], 1);
    assert!(v["stats"]["quotedShare"].as_f64().unwrap() > 0.0);
}

#[test]
fn invalid_utf8_says_where() {
    let out = run(&["analyze", "-"], b"line one\nab\xffcd");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not valid UTF-8"), "{err}");
    assert!(
        err.contains("byte offset 11") && err.contains("line 2, column 3"),
        "{err}"
    );
}

#[test]
fn unreadable_file_and_bad_usage_fail_clearly() {
    let out = run(&["analyze", "/no/such/file.txt"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read '/no/such/file.txt'"));
    let out = run(&["analyse"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown command 'analyse'"));
    let out = run(&["analyze", "--lang", "xx-nope"], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn html_escapes_user_text() {
    let text = "<img src=x onerror=alert(1)> “</mark><script>x()</script>,” said Al.";
    let out = run(&["analyze", "--html", "-"], text.as_bytes());
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(
        !html.contains("<img") && !html.contains("<script"),
        "{html}"
    );
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert_eq!(
        html.matches("<mark").count(),
        html.matches("</mark>").count()
    );
}

#[test]
fn tokens_as_json_lines_and_raw_segments() {
    let out = run(&["tokens", "--json", "-"], "Dr. Lee’s “plan” 😀".as_bytes());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let kinds: Vec<&str> = lines.iter().map(|l| l["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        [
            "abbreviation",
            "word",
            "quoteMark",
            "word",
            "quoteMark",
            "emoji"
        ]
    );
    let out = run(&["tokens", "--raw", "-"], "can't stop".as_bytes());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["segments"], serde_json::json!(["can't", " ", "stop"]));
}

/// Input over `MAX_INPUT_BYTES` is refused with a message and exit code 1,
/// from a file and from standard input alike; input of exactly the limit
/// is accepted.
#[test]
fn input_over_the_limit_is_refused() {
    let limit = quotelens::MAX_INPUT_BYTES;
    let over = vec![b' '; limit + 1];
    for cmd in ["analyze", "tokens"] {
        let out = run(&[cmd, "-"], &over);
        assert_eq!(out.status.code(), Some(1), "{cmd}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("standard input is larger than the input limit of 20 MiB"),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("over-limit.txt");
    std::fs::write(&path, &over).unwrap();
    let out = run(&["analyze", path.to_str().unwrap()], b"");
    std::fs::remove_file(&path).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is larger than the input limit"));
    // Exactly the limit (spaces: no tokens, so no output) is fine.
    let out = run(&["tokens", "--json", "-"], &over[..limit]);
    assert_eq!(out.status.code(), Some(0), "{:?}", out);
    assert!(out.stdout.is_empty());
}

/// A pipe far longer than the limit is refused after reading just past
/// the limit: the CLI closes its end while the writer still has data, so
/// the writer sees a broken pipe instead of the CLI reading (and
/// holding) everything.
#[test]
fn a_huge_pipe_is_not_read_to_the_end() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quotelens"))
        .args(["analyze", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let block = vec![b'a'; 1 << 20];
        // 5 times the limit; the CLI should stop after a fifth of it.
        for _ in 0..5 * (quotelens::MAX_INPUT_BYTES >> 20) {
            if stdin.write_all(&block).is_err() {
                return false;
            }
        }
        true
    });
    let out = child.wait_with_output().unwrap();
    let wrote_everything = writer.join().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("larger than the input limit"));
    assert!(!wrote_everything, "the CLI read the whole pipe");
}
