//! The scanner behind [`tokenize`](super::tokenize).
//!
//! One forward pass with a small, fixed amount of look-ahead, written out
//! by hand instead of layered on `split_word_bounds`: English news text is
//! mostly ASCII with curly quotes and dashes, and a byte loop over a
//! 256-entry class table runs several times faster than the general UAX #29
//! state machine. Where ASCII ends the scanner asks std for
//! `Alphabetic`/`Numeric`, its own short tables ([`super::chars`]) for
//! quotes, emoji and CJK, and [`crate::grapheme`] for extended grapheme
//! clusters (combining marks, emoji ZWJ sequences, flags, skin tones).
//!
//! # Linear time
//!
//! Every look-ahead is either bounded by a constant (initials, decades,
//! contractions, possessives) or its result is consumed by the token being
//! built. The two exceptions are guarded explicitly:
//!
//! - the e-mail/domain check (`chain`) scans a whole `a.b.c@d` run; when it
//!   fails, `no_chain_before` remembers how far it looked, so the words that
//!   follow inside that run do not scan it again;
//! - `currency`/`signed` numbers and failed hashtags scan a word and may
//!   give it back; it is then scanned once more, never more.

use super::chars::{
    ascii, is_alnum, is_alnum_byte, is_cjk, is_currency, is_emoji, is_format, is_han,
    is_line_break, is_punct, is_quote, is_single_quote, is_text_default_emoji, might_extend,
    run_of, skip_alnum, Run, CHAIN, ENDS_WORD, LETTER, LOWER, SPACE, UPPER, URL,
};
use super::lists;
use super::TokenKind;

/// Scanner state: a position plus the little context English needs.
#[derive(Clone, Debug)]
pub(super) struct Scanner<'h> {
    hay: &'h str,
    pos: usize,
    /// A single quotation mark (‘ or ') was opened and not yet closed in
    /// this paragraph: a trailing ’ after an -s word is then taken as the
    /// closing mark, not as a plural possessive.
    open_single: bool,
    /// No e-mail address or domain name starts before this byte (see the
    /// module docs on linear time).
    no_chain_before: usize,
}

/// What the period/`@` checks in a word found.
enum Special {
    /// A whole token (URL, e-mail address, dotted abbreviation).
    Token(usize, TokenKind),
    /// A dotted abbreviation followed by a hyphen ("U.S.-led"): the word
    /// goes on after the hyphen at this byte.
    Continue(usize),
}

impl<'h> Scanner<'h> {
    pub(super) fn new(hay: &'h str) -> Self {
        Scanner {
            hay,
            pos: 0,
            open_single: false,
            no_chain_before: 0,
        }
    }

    /// Bytes not yet consumed (an upper bound on the tokens left).
    pub(super) fn remaining(&self) -> usize {
        self.hay.len().saturating_sub(self.pos)
    }

    #[inline(always)]
    fn byte(&self, i: usize) -> Option<u8> {
        self.hay.as_bytes().get(i).copied()
    }

    #[inline]
    fn char_at(&self, i: usize) -> Option<char> {
        self.hay.get(i..)?.chars().next()
    }

    #[inline]
    fn char_before(&self, i: usize) -> Option<char> {
        self.hay.get(..i)?.chars().next_back()
    }

    /// Where the character ending at `i` starts.
    #[inline]
    fn prev_start(&self, i: usize) -> usize {
        i - self.char_before(i).map_or(0, char::len_utf8)
    }

    /// A letter or digit that can go on a Latin-style word (not CJK).
    #[inline]
    fn wordy_at(&self, i: usize) -> bool {
        match self.byte(i) {
            Some(b) if b < 0x80 => is_alnum_byte(b),
            Some(_) => self.char_at(i).is_some_and(|c| is_alnum(c) && !is_cjk(c)),
            None => false,
        }
    }

    #[inline]
    fn digit_at(&self, i: usize) -> bool {
        self.byte(i).is_some_and(|b| b.is_ascii_digit())
    }

    /// The next token as `(start, end, kind)`, whitespace skipped.
    ///
    /// Split in two for speed: this part, inlined into the caller's loop,
    /// takes the commonest case (spaces, then a [plain word](Self::plain_word));
    /// everything else goes to [`Scanner::next_general`], out of line, so
    /// the common case pays for no registers or branches of the rare ones.
    #[inline(always)]
    pub(super) fn next_token(&mut self) -> Option<(usize, usize, TokenKind)> {
        let bytes = self.hay.as_bytes();
        let mut i = self.pos;
        // One space between tokens is the rule; more whitespace, of any
        // kind, is for `next_general`.
        if *bytes.get(i)? == b' ' {
            i += 1;
        }
        if let Some((end, kind)) = self.plain_word(i) {
            // ASCII letters and digits: never empty, always on a boundary.
            self.pos = end;
            return Some((i, end, kind));
        }
        if let Some((end, kind)) = self.lone_mark(i) {
            self.pos = end;
            return Some((i, end, kind));
        }
        if bytes.get(i) == Some(&b'\n') {
            return Some(self.line_break(i, i + 1));
        }
        self.next_general(i)
    }

    /// [`Scanner::next_token`] from `from` (no space or tab) by the
    /// general rules: any whitespace, line breaks, then any token.
    #[inline(never)]
    fn next_general(&mut self, from: usize) -> Option<(usize, usize, TokenKind)> {
        let bytes = self.hay.as_bytes();
        let mut i = from;
        loop {
            let b = *bytes.get(i)?;
            if b < 0x80 {
                if ascii(b) & SPACE != 0 {
                    i += 1;
                    continue;
                }
                match b {
                    b'\n' | 0x0B | 0x0C => return Some(self.line_break(i, i + 1)),
                    b'\r' => {
                        let e = if bytes.get(i + 1) == Some(&b'\n') {
                            i + 2
                        } else {
                            i + 1
                        };
                        return Some(self.line_break(i, e));
                    }
                    _ => break,
                }
            }
            let c = self.char_at(i)?;
            if !c.is_whitespace() {
                break;
            }
            let e = i + c.len_utf8();
            if is_line_break(c) {
                return Some(self.line_break(i, e));
            }
            i = e;
        }
        // `next_token` tried the fast path at `from` already.
        if i > from {
            if let Some((end, kind)) = self.plain_word(i) {
                self.pos = end;
                return Some((i, end, kind));
            }
        }
        let (end, kind) = self.scan(i);
        // Guard: a token is never empty, never ends inside a character and
        // never runs past the text, whatever a rule above computed.
        let end = if end > i && end <= self.hay.len() && self.hay.is_char_boundary(end) {
            end
        } else {
            i + self.char_at(i).map_or(1, char::len_utf8)
        };
        self.pos = end;
        Some((i, end, kind))
    }

    /// The fast path for the commonest token: ASCII letters (and digits)
    /// starting with a letter, perhaps joined by inner hyphens,
    /// underscores or apostrophes (' ’) between ASCII letters (ill-conceived,
    /// don't, O’Brien), followed by a space, line break, the end, or a
    /// punctuation mark that joins nothing to a letter (`,` `;` `)` `]`
    /// `!` `?` `"`, and `.` with no letter or digit after it). Gives the
    /// same result as [`Scanner::scan`] would (through [`Scanner::word`],
    /// whose loop joins and stops at the same bytes, and
    /// [`Scanner::finish_word`], whose tests are repeated here), or `None`
    /// to let it decide. A property test checks the agreement.
    #[inline(always)]
    fn plain_word(&self, i: usize) -> Option<(usize, TokenKind)> {
        let bytes = self.hay.as_bytes();
        let first = *bytes.get(i)?;
        let class = ascii(first);
        if class & LETTER == 0 {
            return None;
        }
        let letter = |k: usize| bytes.get(k).is_some_and(|&x| ascii(x) & LETTER != 0);
        let mut e = skip_alnum(bytes, i + 1);
        // A joiner was taken: `finish_word` then tests no abbreviation.
        let mut joined = false;
        loop {
            match bytes.get(e) {
                Some(&b) if ascii(b) & ENDS_WORD != 0 => break,
                None => break,
                // A comma joins digits only (1,000).
                Some(b',') if !bytes.get(e - 1).is_some_and(u8::is_ascii_digit) => break,
                // A period with no letter or digit after it: `word` neither
                // joins it nor tries the URL/initials rules (`dotted`), and
                // `finish_word` asks only whether it makes an abbreviation.
                Some(b'.') if !bytes.get(e + 1).is_some_and(|&n| is_alnum_byte(n)) => {
                    if !joined && e - i <= 7 {
                        let w = self.hay.get(i..e).unwrap_or("");
                        if let Some(end) = self.abbreviation_with_period(w, e) {
                            return Some((end, TokenKind::Abbreviation));
                        }
                    }
                    return Some((e, TokenKind::Word));
                }
                // The joiners of `word`, in their plainest form.
                Some(b'-' | b'_') if bytes.get(e + 1).is_some_and(|&n| is_alnum_byte(n)) => {
                    e = skip_alnum(bytes, e + 1);
                }
                Some(b'\'') if letter(e - 1) && letter(e + 1) => e = skip_alnum(bytes, e + 1),
                Some(0xE2)
                    if bytes.get(e + 1..e + 3) == Some(&[0x80, 0x99])
                        && letter(e - 1)
                        && letter(e + 3) =>
                {
                    e = skip_alnum(bytes, e + 3);
                }
                _ => return None,
            }
            joined = true;
        }
        let len = e - i;
        // `finish_word`'s test for an abbreviation without a period (titles
        // have six letters at most, "etc" and "vs" three).
        let b = || bytes.get(i..e).unwrap_or_default();
        if !joined
            && ((class & UPPER != 0 && len <= 6 && lists::is_title_bytes(b()))
                || (len <= 3
                    && matches!(first, b'e' | b'v' | b'E' | b'V')
                    && lists::is_anycase_bytes(b())))
        {
            return Some((e, TokenKind::Abbreviation));
        }
        Some((e, TokenKind::Word))
    }

    /// The fast path for the commonest marks between words: a comma,
    /// colon, bracket, period, ! or ?, ASCII double quote, « » “ ” „ ‟, a dash or an
    /// ellipsis (U+2010–2017, U+2020–2027), with an ASCII byte or the end
    /// after it, where nothing can attach to it. Each is then a token of
    /// its own, as [`Scanner::scan`] would find (its `match` on the byte,
    /// `quote` for marks that are not single quotes, `is_punct` for the
    /// General Punctuation ones), without the state that single quotes,
    /// signs and currency need. `None` for anything else.
    #[inline(always)]
    fn lone_mark(&self, i: usize) -> Option<(usize, TokenKind)> {
        let bytes = self.hay.as_bytes();
        let ascii_after = |e: usize| bytes.get(e).is_none_or(|&n| n < 0x80);
        match *bytes.get(i)? {
            b',' | b';' | b':' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'&' | b'%' | b'/'
            | b'\\' | b'_'
                if ascii_after(i + 1) =>
            {
                Some((i + 1, TokenKind::Punctuation))
            }
            // A run of periods, or of ! and ?, is one token (`scan` does
            // not attach to it).
            b'.' if bytes.get(i + 1) != Some(&b'.') => Some((i + 1, TokenKind::Punctuation)),
            b'!' | b'?' if !matches!(bytes.get(i + 1), Some(b'!' | b'?')) => {
                Some((i + 1, TokenKind::Punctuation))
            }
            b'"' if ascii_after(i + 1) => Some((i + 1, TokenKind::QuoteMark)),
            // « »
            0xC2 if matches!(bytes.get(i + 1), Some(0xAB | 0xBB)) && ascii_after(i + 2) => {
                Some((i + 2, TokenKind::QuoteMark))
            }
            0xE2 if bytes.get(i + 1) == Some(&0x80) && ascii_after(i + 3) => {
                match *bytes.get(i + 2)? {
                    // “ ” „ ‟ (‘ ’ ‚ ‛ are single quotes: `quote` decides).
                    0x9C..=0x9F => Some((i + 3, TokenKind::QuoteMark)),
                    // ‐ ‑ ‒ – — ― ‖ ‗ and † ‡ • ‣ ․ ‥ … ‧
                    0x90..=0x97 | 0xA0..=0xA7 => Some((i + 3, TokenKind::Punctuation)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn line_break(&mut self, start: usize, end: usize) -> (usize, usize, TokenKind) {
        // Quotations in news reopen at each paragraph; a mark left open in
        // the previous one says nothing about this one.
        self.open_single = false;
        self.pos = end;
        (start, end, TokenKind::LineBreak)
    }

    /// One token starting at `start` (a non-whitespace character).
    fn scan(&mut self, start: usize) -> (usize, TokenKind) {
        let Some(b) = self.byte(start) else {
            return (start, TokenKind::Symbol);
        };
        if b < 0x80 {
            if is_alnum_byte(b) {
                return self.word(start);
            }
            // Keycaps: #️⃣ *️⃣ (digits are handled in `word`).
            if matches!(b, b'#' | b'*')
                && matches!(self.char_at(start + 1), Some('\u{FE0F}' | '\u{20E3}'))
            {
                return (self.cluster_end(start), TokenKind::Emoji);
            }
            return match b {
                b'\'' | b'"' | b'`' => self.quote(start, char::from(b)),
                b'.' => (self.run(start, |b| b == b'.'), TokenKind::Punctuation),
                b'!' | b'?' => (
                    self.run(start, |b| b == b'!' || b == b'?'),
                    TokenKind::Punctuation,
                ),
                b'-' => match self.signed(start, 1) {
                    Some(t) => t,
                    None => (self.run(start, |b| b == b'-'), TokenKind::Punctuation),
                },
                b'+' => self
                    .signed(start, 1)
                    .unwrap_or((start + 1, TokenKind::Symbol)),
                b'$' => self.currency(start, 1),
                b'@' => self.mention(start),
                b'#' => self.hashtag(start),
                b'<' | b'=' | b'>' | b'^' | b'|' | b'~' => {
                    (self.attach(start + 1), TokenKind::Symbol)
                }
                0x21..=0x7E => (self.attach(start + 1), TokenKind::Punctuation),
                _ => (start + 1, TokenKind::Symbol),
            };
        }
        let Some(c) = self.char_at(start) else {
            return (start, TokenKind::Symbol);
        };
        let len = c.len_utf8();
        if is_quote(c) {
            return self.quote(start, c);
        }
        if is_format(c) {
            return (self.attach(start + len), TokenKind::Symbol);
        }
        if is_currency(c) {
            return self.currency(start, len);
        }
        if c == '\u{2212}' {
            // − MINUS SIGN
            return self
                .signed(start, len)
                .unwrap_or((self.attach(start + len), TokenKind::Symbol));
        }
        if is_han(c) {
            return (self.attach(start + len), TokenKind::Ideograph);
        }
        if let Some(r) = run_of(c) {
            return self.kana_run(start, r);
        }
        if is_emoji(c) {
            return (self.cluster_end(start), TokenKind::Emoji);
        }
        if is_text_default_emoji(c) {
            if self.char_at(start + len) == Some('\u{FE0F}') {
                return (self.cluster_end(start), TokenKind::Emoji);
            }
            let kind = if matches!(c, '\u{203C}' | '\u{2049}') {
                TokenKind::Punctuation
            } else {
                TokenKind::Symbol
            };
            return (self.attach(start + len), kind);
        }
        if is_punct(c) {
            return (self.attach(start + len), TokenKind::Punctuation);
        }
        if c.is_alphanumeric() {
            return self.word(start);
        }
        (self.cluster_end(start), TokenKind::Symbol)
    }

    /// The end of a run of ASCII bytes matching `f`, from `start`.
    fn run(&self, start: usize, f: impl Fn(u8) -> bool) -> usize {
        let mut j = start;
        while self.byte(j).is_some_and(&f) {
            j += 1;
        }
        j
    }

    /// The end of the extended grapheme cluster at `at`, cut before any
    /// whitespace (a Prepend character clusters with a following space,
    /// but tokens never contain whitespace).
    fn cluster_end(&self, at: usize) -> usize {
        let Some(g) = self
            .hay
            .get(at..)
            .and_then(|s| s.get(..crate::grapheme::cluster_len(s)))
        else {
            return at;
        };
        let mut end = at;
        for (k, ch) in g.char_indices() {
            if k > 0 && ch.is_whitespace() {
                break;
            }
            end = at + k + ch.len_utf8();
        }
        end
    }

    /// Extends a token ending at `end` over what attaches to its last
    /// character: format characters (WB4) and grapheme extenders.
    fn attach(&self, mut end: usize) -> usize {
        loop {
            match self.byte(end) {
                Some(b) if b >= 0x80 => {}
                _ => return end,
            }
            let Some(c) = self.char_at(end) else {
                return end;
            };
            if is_format(c) {
                end += c.len_utf8();
                continue;
            }
            if !might_extend(c) || is_cjk(c) {
                return end;
            }
            let e = self.cluster_end(self.prev_start(end));
            if e <= end {
                return end;
            }
            end = e;
        }
    }

    /// A run of kana of one script, or of hangul.
    fn kana_run(&self, start: usize, script: Run) -> (usize, TokenKind) {
        let mut j = start;
        while let Some(c) = self.char_at(j) {
            let same = match run_of(c) {
                Some(r) if r == script => true,
                Some(Run::KanaMark) => script != Run::Hangul,
                _ => false,
            };
            if !same {
                break;
            }
            j += c.len_utf8();
        }
        (self.attach(j), TokenKind::Ideograph)
    }

    /// A word, number, abbreviation, URL or e-mail address starting with
    /// a letter or digit at `start`.
    fn word(&mut self, start: usize) -> (usize, TokenKind) {
        let bytes = self.hay.as_bytes();
        let mut i = start;
        // A joiner (apostrophe, hyphen, separator) was taken.
        let mut joined = false;
        // The period/`@` checks ran (once per word keeps them linear).
        let mut tried = false;
        // "US$5": a currency sign inside.
        let mut currency = false;
        // "U.S.-led": began as a dotted abbreviation.
        let mut from_abbrev = false;
        loop {
            i = skip_alnum(bytes, i);
            let Some(&b) = bytes.get(i) else { break };
            if b == b' ' {
                break;
            }
            if b < 0x80 {
                let before = if i > start {
                    bytes.get(i - 1).copied()
                } else {
                    None
                };
                let after = bytes.get(i + 1).copied();
                let digit_before = before.is_some_and(|p| p.is_ascii_digit());
                let digit_after = after.is_some_and(|a| a.is_ascii_digit());
                let join = match b {
                    b'\'' => self.apostrophe_joins(i, 1),
                    b'-' | b'_' => i > start && self.wordy_at(i + 1),
                    b'.' | b',' => digit_before && digit_after,
                    b':' => {
                        if !tried && !joined && self.is_scheme(start, i) {
                            return (self.url_end(start), TokenKind::Url);
                        }
                        digit_before && digit_after
                    }
                    // AT&T, R&D, Q&A
                    b'&' => {
                        let up = |x: Option<u8>| x.is_some_and(|x| ascii(x) & UPPER != 0);
                        up(before) && up(after)
                    }
                    // Hebrew acronyms: צה"ל
                    b'"' => {
                        self.char_before(i).is_some_and(is_hebrew)
                            && self.char_at(i + 1).is_some_and(is_hebrew)
                    }
                    // US$5, HK$3bn, A$20
                    b'$' => {
                        let letters = self.hay.get(start..i).unwrap_or("");
                        let ok = !joined
                            && !currency
                            && (1..=3).contains(&letters.len())
                            && letters.bytes().all(|x| ascii(x) & UPPER != 0)
                            && digit_after;
                        currency |= ok;
                        ok
                    }
                    _ => false,
                };
                if join {
                    i += 1;
                    joined = true;
                    continue;
                }
                match b {
                    b'.' if !tried => {
                        tried = true;
                        match self.dotted(start, i, joined) {
                            Some(Special::Token(e, k)) => return (e, k),
                            Some(Special::Continue(e)) => {
                                i = e;
                                joined = true;
                                from_abbrev = true;
                                continue;
                            }
                            None => {}
                        }
                    }
                    b'@' if !tried => {
                        if let Some(t) = self.chain(start) {
                            return t;
                        }
                    }
                    b'%' if digit_before => i += 1,
                    _ => {}
                }
                break;
            }
            let Some(c) = self.char_at(i) else { break };
            let len = c.len_utf8();
            // General punctuation (’ ‐ — “ …) is common and never a letter:
            // skip the Alphabetic table look-up for it.
            let general_punct = matches!(c, '\u{2000}'..='\u{206F}');
            if !general_punct && is_alnum(c) {
                if is_cjk(c) {
                    break;
                }
                i += len;
                continue;
            }
            let letter = |x: Option<char>| x.is_some_and(char::is_alphabetic);
            let join = match c {
                '\u{2019}' => self.apostrophe_joins(i, len),
                '\u{2010}' | '\u{2011}' => i > start && self.wordy_at(i + len),
                // Middle dots between letters: Catalan l·l, Hebrew ״.
                '\u{B7}' | '\u{387}' | '\u{5F4}' | '\u{2027}' => {
                    letter(self.char_before(i)) && letter(self.char_at(i + len))
                }
                _ => false,
            };
            if join {
                i += len;
                joined = true;
                continue;
            }
            // Keycap emoji: 1️⃣
            if matches!(c, '\u{FE0F}' | '\u{20E3}')
                && i == start + 1
                && self.byte(start).is_some_and(|b| b.is_ascii_digit())
            {
                return (self.cluster_end(start), TokenKind::Emoji);
            }
            if is_format(c) {
                i += len;
                continue;
            }
            // "20€", "5‰", "٥٪": a sign right after the amount.
            if is_currency(c) || matches!(c, '\u{2030}' | '\u{066A}') {
                if self.char_before(i).is_some_and(char::is_numeric) {
                    i += len;
                }
                break;
            }
            if might_extend(c) {
                let e = self.cluster_end(self.prev_start(i));
                if e > i {
                    i = e;
                    continue;
                }
            }
            break;
        }
        self.finish_word(start, i, joined, currency, from_abbrev)
    }

    /// Whether the apostrophe at `i` (`len` bytes) is inside a word:
    /// between letters (don't, O’Brien, Kyiv’s), between digits (1'000),
    /// or a decade's plural (1990's).
    fn apostrophe_joins(&self, i: usize, len: usize) -> bool {
        let (Some(p), Some(n)) = (self.char_before(i), self.char_at(i + len)) else {
            return false;
        };
        if p.is_alphabetic() && n.is_alphabetic() {
            return !is_cjk(n);
        }
        if p.is_numeric() && n.is_numeric() {
            return true;
        }
        p.is_ascii_digit() && n == 's' && !self.wordy_at(i + len + 1)
    }

    /// Whether `start..colon` is a URL scheme followed by `//` (or `mailto:`).
    fn is_scheme(&self, start: usize, colon: usize) -> bool {
        let Some(s) = self.hay.get(start..colon) else {
            return false;
        };
        let slashes = self.byte(colon + 1) == Some(b'/') && self.byte(colon + 2) == Some(b'/');
        let any = |list: &[&str]| list.iter().any(|x| x.eq_ignore_ascii_case(s));
        (slashes && any(&["http", "https", "ftp", "ftps", "sftp", "file"]))
            || (any(&["mailto"]) && self.wordy_at(colon + 1))
    }

    /// At the first period of a word (with a letter or digit after it):
    /// `www.` URLs, e-mail addresses and domain names, dotted
    /// abbreviations (U.S., e.g., J.R.R., Ph.D.).
    fn dotted(&mut self, start: usize, dot: usize, joined: bool) -> Option<Special> {
        if !self.byte(dot + 1).is_some_and(is_alnum_byte) {
            return None;
        }
        let word = self.hay.get(start..dot)?;
        if !word.is_ascii() || word.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if !joined && word.eq_ignore_ascii_case("www") {
            return Some(Special::Token(self.url_end(start), TokenKind::Url));
        }
        if let Some((e, k)) = self.chain(start) {
            return Some(Special::Token(e, k));
        }
        if joined {
            return None;
        }
        let e = self.initials(start)?;
        if self.byte(e) == Some(b'-') && self.wordy_at(e + 1) && self.byte(e - 1) == Some(b'.') {
            return Some(Special::Continue(e + 1));
        }
        // "the U.S.’s role": the possessive goes with the abbreviation.
        let e = self.possessive_s(e).unwrap_or(e);
        Some(Special::Token(e, TokenKind::Abbreviation))
    }

    /// The end of a "’s" / "'s" at `at` that ends a word, if there is one.
    fn possessive_s(&self, at: usize) -> Option<usize> {
        let q = self.char_at(at).filter(|&q| q == '\'' || q == '\u{2019}')?;
        let s = at + q.len_utf8();
        (self.byte(s) == Some(b's') && !self.wordy_at(s + 1)).then_some(s + 1)
    }

    /// Dotted initials from `start`: single letters joined by periods,
    /// the last period included (U.S., e.g., J.R.R., a.m.); the first
    /// group may be a capital and a small letter when a period closes the
    /// whole (Ph.D.). At most six groups; `None` if fewer than two.
    fn initials(&self, start: usize) -> Option<usize> {
        let mut j = start;
        let mut groups = 0;
        let mut wide = false;
        while let Some(b) = self.byte(j).filter(|&b| ascii(b) & LETTER != 0) {
            let mut g = 1;
            if groups == 0
                && ascii(b) & UPPER != 0
                && self.byte(j + 1).is_some_and(|x| ascii(x) & LOWER != 0)
                && self.byte(j + 2) == Some(b'.')
            {
                g = 2;
                wide = true;
            }
            if self.wordy_at(j + g) {
                return None;
            }
            j += g;
            groups += 1;
            if self.byte(j) != Some(b'.') {
                break;
            }
            j += 1;
            if groups >= 6 {
                break;
            }
        }
        if groups < 2 || (wide && self.byte(j - 1) != Some(b'.')) {
            return None;
        }
        Some(j)
    }

    /// An e-mail address or a bare domain name (bbc.co.uk/news) at `start`.
    fn chain(&mut self, start: usize) -> Option<(usize, TokenKind)> {
        if start < self.no_chain_before {
            return None;
        }
        let end = self.run(start, |b| ascii(b) & CHAIN != 0);
        if self.byte(end) == Some(b'@') {
            let local = self.hay.get(start..end).unwrap_or("");
            if !local.ends_with('.') {
                if let Some(d) = self.domain(end + 1, false) {
                    return Some((d, TokenKind::Email));
                }
            }
        } else if let Some(d) = self.domain(start, true) {
            let more = match self.byte(d) {
                Some(b'/') => true,
                Some(b':') => self.digit_at(d + 1),
                _ => false,
            };
            let e = if more { self.url_end(start) } else { d };
            return Some((e, TokenKind::Url));
        }
        self.no_chain_before = end.max(start + 1);
        None
    }

    /// A domain name at `from`: two or more labels of letters, digits and
    /// inner hyphens, joined by periods. With `tld`, the last label must
    /// be a listed top-level domain (for bare domains in running text);
    /// without, two or more letters (after an `@`).
    fn domain(&self, from: usize, tld: bool) -> Option<usize> {
        let mut j = from;
        let mut labels = 0;
        loop {
            let ls = j;
            j = self.run(j, |b| is_alnum_byte(b) || b == b'-');
            if j == ls || self.byte(ls) == Some(b'-') || self.byte(j - 1) == Some(b'-') {
                return None;
            }
            labels += 1;
            if self.byte(j) == Some(b'.') && self.byte(j + 1).is_some_and(is_alnum_byte) {
                j += 1;
                continue;
            }
            break;
        }
        let name = self.hay.get(from..j)?;
        let label = name.rsplit('.').next().unwrap_or(name);
        let ok = if tld {
            lists::is_tld(label)
        } else {
            label.len() >= 2 && label.bytes().all(|b| b.is_ascii_alphabetic())
        };
        if labels < 2 || !ok {
            return None;
        }
        // A domain does not run on into a word ("x.com_y", "a.com@b").
        if self.wordy_at(j) || matches!(self.byte(j), Some(b'_' | b'@' | b'%' | b'+')) {
            return None;
        }
        Some(j)
    }

    /// The end of a URL starting at `start`: up to whitespace or a
    /// character URLs do not contain, minus trailing sentence punctuation
    /// and unbalanced closing brackets ("(see https://x.org/a_(b))." keeps
    /// one parenthesis).
    fn url_end(&self, start: usize) -> usize {
        let mut j = start;
        let (mut opens, mut closes) = (0usize, 0usize);
        let (mut sq_opens, mut sq_closes) = (0usize, 0usize);
        while let Some(b) = self.byte(j) {
            if b < 0x80 {
                if ascii(b) & URL == 0 {
                    break;
                }
                match b {
                    b'(' => opens += 1,
                    b')' => closes += 1,
                    b'[' => sq_opens += 1,
                    b']' => sq_closes += 1,
                    _ => {}
                }
                j += 1;
                continue;
            }
            match self.char_at(j) {
                Some(c) if c.is_alphanumeric() && !is_cjk(c) => j += c.len_utf8(),
                _ => break,
            }
        }
        while j > start + 1 {
            match self.byte(j - 1) {
                Some(b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b'*') => j -= 1,
                Some(b')') if closes > opens => {
                    closes -= 1;
                    j -= 1;
                }
                Some(b']') if sq_closes > sq_opens => {
                    sq_closes -= 1;
                    j -= 1;
                }
                _ => break,
            }
        }
        j
    }

    /// Classifies a scanned word and takes what may follow it: the period
    /// of an abbreviation, the apostrophe of a plural possessive.
    fn finish_word(
        &self,
        start: usize,
        mut end: usize,
        joined: bool,
        currency: bool,
        from_abbrev: bool,
    ) -> (usize, TokenKind) {
        if currency {
            return (end, TokenKind::Number);
        }
        let first = self.byte(start).unwrap_or(0);
        let w = || self.hay.get(start..end).unwrap_or("");
        if first.is_ascii_digit()
            || (first >= 0x80 && w().chars().next().is_some_and(char::is_numeric))
        {
            return (end, number_kind(w()));
        }
        if from_abbrev {
            return (end, TokenKind::Word);
        }
        let next = self.byte(end);
        let len = end - start;
        if !joined && len <= 7 {
            if next == Some(b'.') {
                if let Some(e) = self.abbreviation_with_period(w(), end) {
                    return (e, TokenKind::Abbreviation);
                }
            } else if ((ascii(first) & UPPER != 0 && lists::is_title(w()))
                || (len <= 3
                    && matches!(first, b'e' | b'v' | b'E' | b'V')
                    && lists::is_anycase(w())))
                && !self.wordy_at(end)
            {
                return (end, TokenKind::Abbreviation);
            }
        }
        // Only an apostrophe (' or the first byte of ’) can follow now.
        if !matches!(next, Some(b'\'' | 0xE2)) {
            return (end, TokenKind::Word);
        }
        let w = w();
        // Plural possessive: "the Smiths’ house", "Sanders’ California
        // supporters". The mark is taken when the word ends in s, a space
        // and a letter or digit follow, and no single quotation is open in
        // the paragraph: if one is ("he called them ‘the boys’ and left"),
        // the mark most likely closes it. Before punctuation or a line
        // break it is taken as a closing mark too.
        if let Some(q) = self.char_at(end).filter(|&q| q == '\'' || q == '\u{2019}') {
            let last_s = w.ends_with('s') || w.ends_with('S');
            if last_s && !self.open_single && w.len() >= 2 {
                let after = end + q.len_utf8();
                let space = self
                    .char_at(after)
                    .filter(|&c| c.is_whitespace() && !is_line_break(c));
                if let Some(sp) = space {
                    let next = self.char_at(after + sp.len_utf8());
                    if next.is_some_and(|n| n.is_alphanumeric()) {
                        end = after;
                    }
                }
            }
        }
        (end, TokenKind::Word)
    }

    /// The end of `w` plus its period at `dot` when that makes an
    /// abbreviation: listed ones (Dr., Jan., Inc., etc.), "No." and "p."
    /// before a number, and a capital initial before a capitalised word
    /// ("J. Smith", "George W. Bush"). A period after any other word is the
    /// sentence's, left as punctuation.
    fn abbreviation_with_period(&self, w: &str, dot: usize) -> Option<usize> {
        // Most words before a period are the sentence's last: rule them out
        // by their first two letters.
        if !lists::may_abbreviate(w) {
            return None;
        }
        let after = dot + 1;
        let number_follows = || {
            let k = if self.byte(after) == Some(b' ') {
                after + 1
            } else {
                after
            };
            self.digit_at(k)
        };
        if self.wordy_at(after) {
            // "Mr.Smith" still has its abbreviation; "end.Next" does not.
            return (lists::is_title(w)).then_some(after);
        }
        if matches!(w, "No" | "no" | "Nos" | "nos" | "p" | "c") {
            return number_follows().then_some(after);
        }
        if lists::is_dotted(w) {
            return Some(after);
        }
        let mut cs = w.chars();
        if let (Some(c), None) = (cs.next(), cs.next()) {
            if c.is_uppercase() && self.byte(after) == Some(b' ') {
                let next = self.char_at(after + 1);
                if next.is_some_and(char::is_uppercase) {
                    return Some(after);
                }
            }
        }
        None
    }

    /// A quotation mark, or an apostrophe that begins a word or number
    /// (’90s, ’tis, ’em, rock ’n’ roll).
    fn quote(&mut self, start: usize, c: char) -> (usize, TokenKind) {
        let len = c.len_utf8();
        let prev = self.char_before(start);
        if matches!(c, '\'' | '\u{2019}' | '\u{2018}') && !prev.is_some_and(|p| p.is_alphanumeric())
        {
            if let Some(e) = self.decade(start + len) {
                return (e, TokenKind::Number);
            }
            if let Some(e) = self.leading_contraction(start + len, c) {
                return (e, TokenKind::Word);
            }
        }
        let mut end = start + len;
        if (c == '\'' || c == '`') && self.byte(end) == Some(c as u8) {
            // '' and `` (TeX and NYT style) stand for one double mark.
            end += 1;
        }
        let end = self.attach(end);
        if is_single_quote(c) {
            let opening = prev.is_none_or(|p| p.is_whitespace() || opens_before(p))
                && self.char_at(end).is_some_and(|n| !n.is_whitespace());
            if opening {
                self.open_single = true;
            } else if !matches!(c, '\u{2018}' | '\u{201A}') {
                self.open_single = false;
            }
        }
        (end, TokenKind::QuoteMark)
    }

    /// After a leading apostrophe: two digits and an optional "s" ("’90s",
    /// "class of ’98").
    fn decade(&self, at: usize) -> Option<usize> {
        if !(self.digit_at(at) && self.digit_at(at + 1)) {
            return None;
        }
        let mut e = at + 2;
        if self.byte(e) == Some(b's') {
            e += 1;
        }
        (!self.wordy_at(e)).then_some(e)
    }

    /// After a leading apostrophe `mark`: a listed contraction (’tis,
    /// ’em) or the "n" of rock ’n’ roll with its closing apostrophe. A
    /// left mark ‘ only takes the ‘n’ form: "‘tis" is as likely a quote.
    fn leading_contraction(&self, at: usize, mark: char) -> Option<usize> {
        let e = self.run(at, |b| ascii(b) & LETTER != 0);
        if e == at || e - at > 6 {
            return None;
        }
        let w = self.hay.get(at..e)?;
        if w.eq_ignore_ascii_case("n") {
            let close = self.char_at(e).filter(|&q| q == '\'' || q == '\u{2019}')?;
            let end = e + close.len_utf8();
            return (!self.wordy_at(end)).then_some(end);
        }
        if mark == '\u{2018}' || self.wordy_at(e) || !lists::is_leading(w) {
            return None;
        }
        Some(e)
    }

    /// "$4.5bn", "£20", "€3m": a currency sign right before a digit.
    fn currency(&mut self, start: usize, len: usize) -> (usize, TokenKind) {
        if self.digit_at(start + len) {
            let (e, k) = self.word(start + len);
            if matches!(k, TokenKind::Number | TokenKind::Word) {
                return (e, TokenKind::Number);
            }
        }
        (self.attach(start + len), TokenKind::Symbol)
    }

    /// "-5", "+3.5%", "−40": a sign before a digit at the start of a word
    /// (after whitespace or an opening bracket), when a number follows.
    fn signed(&mut self, start: usize, len: usize) -> Option<(usize, TokenKind)> {
        let prev = self.char_before(start);
        let free = prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '['));
        if !free || !self.digit_at(start + len) {
            return None;
        }
        let (e, k) = self.word(start + len);
        (k == TokenKind::Number).then_some((e, TokenKind::Number))
    }

    /// "@handle" (letters, digits, `_`, inner periods); an `@` after a
    /// word character or with nothing after is punctuation.
    fn mention(&self, start: usize) -> (usize, TokenKind) {
        if self
            .char_before(start)
            .is_some_and(|p| p.is_alphanumeric() || p == '_')
        {
            return (start + 1, TokenKind::Punctuation);
        }
        let e = self.handle_end(start + 1);
        if e == start + 1 {
            return (start + 1, TokenKind::Punctuation);
        }
        (e, TokenKind::Mention)
    }

    /// "#hashtag": like a handle, with at least one letter (#1 is not one).
    fn hashtag(&self, start: usize) -> (usize, TokenKind) {
        let free = !self
            .char_before(start)
            .is_some_and(|p| p.is_alphanumeric() || p == '_');
        if free {
            let e = self.handle_end(start + 1);
            let body = self.hay.get(start + 1..e).unwrap_or("");
            if body.chars().any(|c| c.is_alphabetic() || c == '_') {
                return (e, TokenKind::Hashtag);
            }
        }
        (start + 1, TokenKind::Punctuation)
    }

    /// The end of a handle or tag body from `at`.
    fn handle_end(&self, at: usize) -> usize {
        let mut j = at;
        loop {
            match self.byte(j) {
                Some(b) if is_alnum_byte(b) || b == b'_' => j += 1,
                Some(b'.') if j > at && self.byte(j + 1).is_some_and(is_alnum_byte) => j += 1,
                Some(b) if b >= 0x80 => match self.char_at(j) {
                    Some(c) if c.is_alphanumeric() => j += c.len_utf8(),
                    _ => break,
                },
                _ => break,
            }
        }
        j
    }
}

/// Number or word for a token that starts with a digit: letters only as a
/// short suffix after the last digit (3rd, 1990s, 4.5bn, 5km) make a
/// number; letters before a digit (4x4) or a long tail (10-year-old) a word.
fn number_kind(w: &str) -> TokenKind {
    let mut tail = 0;
    for c in w.chars() {
        if c.is_alphabetic() {
            tail += 1;
        } else if c.is_numeric() && tail > 0 {
            return TokenKind::Word;
        }
    }
    if tail > 3 {
        TokenKind::Word
    } else {
        TokenKind::Number
    }
}

/// Hebrew letters (for acronyms with gershayim).
fn is_hebrew(c: char) -> bool {
    matches!(c, '\u{05D0}'..='\u{05EA}' | '\u{05F0}'..='\u{05F2}')
}

/// Characters after which a single quotation mark opens a quotation.
fn opens_before(p: char) -> bool {
    matches!(
        p,
        '(' | '['
            | '{'
            | '"'
            | '\u{201C}'
            | '\u{201E}'
            | '\u{AB}'
            | '\u{2014}'
            | '\u{2013}'
            | '-'
            | '/'
    )
}

// Property tests run natively only: proptest does not build for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "a", "B", "z", "7", "Mr", "Dr", "St", "etc", "vs", "E", "No", "Inc", " ", "\n", ",", ".",
        ";", ":", "'", "’", "-", "_", "&", "$", "@", "%", "\"", ")", "é", "东", "http", "//",
        "Jan", "p", "J", "com", "www", "\t", "”", "?", "\r", "…", "\u{301}", "s", "e", "vs",
        "1990", "‘", "ʼ", "--", "_x",
    ];

    /// Marks, and what may follow them.
    const MARKS: &[&str] = &[
        ",", ";", ":", "(", ")", "[", "]", "{", "}", "&", "%", "/", "\\", "_", ".", "\"", "“", "”",
        "„", "‟", "‘", "’", "‐", "–", "—", "…", "•", "\u{2028}", "\u{2030}", "\u{200B}", "\u{301}",
        "\u{FE0F}", "'", "`", "#", "*", "-", "+", "$", "@", "!", "?", " ", "\n", "a", "7", "é",
        "😀", "«", "»", "‹", "¡", "?!",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

        /// So is the one for marks.
        #[test]
        fn lone_mark_agrees_with_scan(v in prop::collection::vec(prop::sample::select(MARKS), 0..10)) {
            let s = v.concat();
            for (i, _) in s.char_indices() {
                if let Some(fast) = Scanner::new(&s).lone_mark(i) {
                    let mut general = Scanner::new(&s);
                    prop_assert_eq!(general.scan(i), fast, "at {} in {:?}", i, s);
                    prop_assert!(!general.open_single && general.no_chain_before == 0);
                }
            }
        }

        /// The fast path is only a shortcut: wherever it answers, the full
        /// scanner gives the same token.
        #[test]
        fn plain_word_agrees_with_scan(v in prop::collection::vec(prop::sample::select(PIECES), 0..12)) {
            let s = v.concat();
            for (i, _) in s.char_indices() {
                if let Some(fast) = Scanner::new(&s).plain_word(i) {
                    let mut general = Scanner::new(&s);
                    prop_assert_eq!(general.scan(i), fast, "at {} in {:?}", i, s);
                    // Nor would the general rules have changed the state.
                    prop_assert!(!general.open_single && general.no_chain_before == 0);
                }
            }
        }
    }
}
