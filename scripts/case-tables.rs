// Prints the two tables of src/case.rs (LOWER and IGNORABLE) from the
// running Rust's std, which they reproduce: run it when a new Rust brings
// a new Unicode version (src/case.rs's tests then fail), paste the output
// over the tables and run `cargo fmt`:
//
//     rustc -O scripts/case-tables.rs -o /tmp/case-tables && /tmp/case-tables
//
// LOWER: the chars whose `to_lowercase()` is one other char, as runs of one
// difference over consecutive chars or over every other char. IGNORABLE:
// Unicode's Case_Ignorable, which std does not expose; found by what
// `str::to_lowercase` makes of a final 'Σ' after the char (see the probes
// below and src/case.rs's sigma test).
fn main() {
    let mut maps: Vec<(u32, i64)> = Vec::new();
    for u in 0..=0x10FFFFu32 {
        let Some(c) = char::from_u32(u) else { continue };
        let l: Vec<char> = c.to_lowercase().collect();
        if l.len() != 1 { assert_eq!(c, 'İ'); continue; }
        if l[0] != c { maps.push((u, l[0] as i64 - u as i64)); }
    }
    let mut runs: Vec<(u32, u32, i64, u32)> = Vec::new();
    let mut i = 0;
    while i < maps.len() {
        let (s, d) = maps[i];
        let mut j = i + 1;
        while j < maps.len() && maps[j].1 == d && maps[j].0 == maps[j-1].0 + 1 { j += 1; }
        let mut k = i + 1;
        while k < maps.len() && maps[k].1 == d && maps[k].0 == maps[k-1].0 + 2 { k += 1; }
        if k - i > j - i { runs.push((s, maps[k-1].0, d, 2)); i = k; } else { runs.push((s, maps[j-1].0, d, 1)); i = j; }
    }
    let mut out = String::new();
    out += &format!("const LOWER: [(u32, i32); {}] = [\n", runs.len());
    for (s, e, d, st) in &runs {
        let len = e - s;
        assert!(len < 256);
        let alt = if *st == 2 { " | ALTERNATE" } else { "" };
        if len == 0 { out += &format!("    (0x{s:04X}{alt}, {d}),\n"); } else { out += &format!("    (0x{s:04X} | {len} << 21{alt}, {d}),\n"); }
    }
    out += "];\n\n";
    let mut ign = Vec::new();
    for u in 0..=0x10FFFFu32 {
        let Some(c) = char::from_u32(u) else { continue };
        // 'Σ' ends a word (ς) after a cased char, the case-ignorable
        // ones before it skipped: after "Α" + c it does when c is
        // ignorable or cased, after "1" + c only when c is cased and not
        // ignorable (a digit is neither).
        let a = format!("Α{c}Σ").to_lowercase().ends_with('ς');
        let b = format!("1{c}Σ").to_lowercase().ends_with('ς');
        if a && !b { ign.push(u); }
    }
    let mut ranges: Vec<(u32,u32)> = Vec::new();
    for u in ign.iter().copied() {
        if let Some(l) = ranges.last_mut() { if l.1 + 1 == u { l.1 = u; continue; } }
        ranges.push((u,u));
    }
    out += &format!("const IGNORABLE: [u32; {}] = [\n", ranges.len());
    let items: Vec<String> = ranges.iter().map(|(s, e)| { assert!(e - s < 256); if e == s { format!("0x{s:04X},") } else { format!("0x{s:04X} | {} << 21,", e - s) } }).collect();
    // several per line
    let mut line = String::from("   ");
    for it in items { if line.len() + it.len() + 1 > 96 { out += &line; out += "\n"; line = String::from("   "); } line += " "; line += &it; }
    out += &line; out += "\n];\n";
    print!("{out}");
}
