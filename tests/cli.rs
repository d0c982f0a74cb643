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
