//! Word lists: abbreviations, contractions with a leading apostrophe, and
//! top-level domains. Kept short on purpose: every entry is a word that is
//! far more often an abbreviation than the end of a sentence.

use crate::wordlist::{word_list, WordList};

/// Titles and name parts that are abbreviations even without a period
/// (British style "Mr Kirby", "Dr Ng"), when written with a capital.
/// Sorted (binary search; a unit test checks).
const TITLES: &[&str] = &[
    "Adm", "Brig", "Capt", "Cdr", "Cllr", "Cmdr", "Col", "Cpl", "Det", "Dr", "Fr", "Gen", "Gov",
    "Hon", "Insp", "Jnr", "Jr", "Lt", "Maj", "Messrs", "Mlle", "Mme", "Mmes", "Mr", "Mrs", "Ms",
    "Mx", "Pres", "Prof", "Pte", "Rep", "Rev", "Revd", "Sen", "Sgt", "Snr", "Sr", "St", "Supt",
];

/// Abbreviations in any case even without a period ("England vs Wales").
const ANYCASE: &[&str] = &["etc", "vs"];

/// Words that are abbreviations only when a period follows ("Jan.", "Inc.",
/// "approx."; a few German and Spanish ones: "Nr.", "vgl.", "Sra."). Compared with the first letter in either case.
/// Sorted (binary search; a unit test checks).
const DOTTED: &[&str] = &[
    "al", "approx", "apr", "assn", "aug", "ave", "blvd", "bros", "bzw", "ca", "cf", "co", "corp",
    "dec", "dept", "ed", "eds", "esq", "est", "evtl", "feb", "fig", "figs", "fri", "ft", "ggf",
    "hwy", "inc", "inkl", "jan", "jh", "jul", "jun", "lb", "lbs", "ltd", "mar", "mio", "mon",
    "mrd", "mt", "nov", "nr", "oct", "op", "oz", "plc", "pp", "rd", "sat", "sep", "sept", "sog",
    "sq", "sra", "thu", "thur", "thurs", "tsd", "tue", "tues", "univ", "usw", "v", "vgl", "viz",
    "vol", "vols", "wed", "zzgl",
];

/// Contractions written with a leading apostrophe (’tis, ’em, ’cause).
const LEADING: &[&str] = &[
    "bout", "cause", "cos", "cuz", "em", "gainst", "neath", "nuff", "til", "tis", "twas", "twere",
    "twill", "twould",
];

/// Top-level domains a bare domain name ("bbc.co.uk", "amazon.com") must end
/// with to be taken as a URL: the generic ones and the country codes seen
/// in news. Lower case only: "end.Com" is a missing space, not a domain.
/// Sorted (binary search; the build checks, see [`word_list!`]).
static TLDS: WordList = word_list!(&[
    "ai", "app", "at", "au", "be", "biz", "br", "ca", "cc", "ch", "cn", "co", "com", "cz", "de",
    "dev", "dk", "edu", "es", "eu", "fi", "fm", "fr", "gov", "gr", "hk", "ie", "il", "in", "info",
    "int", "io", "it", "jp", "kr", "ly", "me", "mil", "mx", "net", "news", "nl", "no", "nz", "org",
    "pl", "pt", "ru", "se", "sg", "social", "tv", "tw", "ua", "uk", "us", "xyz", "za",
]);

/// Whether `w` (letters only) is a title abbreviation ("Mr", "Dr").
pub(super) fn is_title(w: &str) -> bool {
    is_title_bytes(w.as_bytes())
}

/// [`is_title`] of the bytes of a word.
#[inline]
pub(super) fn is_title_bytes(b: &[u8]) -> bool {
    // Called for every short capitalised word: compare packed integers,
    // not strings.
    if b.len() > 6 {
        return false;
    }
    let (Some(&x), Some(&y)) = (b.first(), b.get(1)) else {
        return false;
    };
    if !pair_may_start_title(x, y) {
        return false;
    }
    TITLES_PACKED.binary_search(&pack(b)).is_ok()
}

/// Index of a capital and a small letter in a 26 × 26 bit set.
const fn pair_index(x: u8, y: u8) -> Option<usize> {
    if x.is_ascii_uppercase() && y.is_ascii_lowercase() {
        Some((x - b'A') as usize * 26 + (y - b'a') as usize)
    } else {
        None
    }
}

/// The first two letters of every title, as a bit set: rules out nearly
/// every capitalised word ("The", "He", "Trump") with one bit test.
// Evaluated at compile time: a bad index is a build error, not a panic.
#[allow(clippy::indexing_slicing)]
const TITLE_PAIRS: [u64; 11] = {
    let mut set = [0u64; 11];
    let mut i = 0;
    while i < TITLES.len() {
        let b = TITLES[i].as_bytes();
        if let Some(k) = pair_index(b[0], b[1]) {
            set[k / 64] |= 1 << (k % 64);
        }
        i += 1;
    }
    set
};

#[inline]
fn pair_may_start_title(x: u8, y: u8) -> bool {
    pair_index(x, y)
        .and_then(|k| TITLE_PAIRS.get(k / 64).map(|w| w >> (k % 64) & 1 == 1))
        .unwrap_or(false)
}

/// The first eight bytes (at most) as a big-endian integer, so integer
/// order is string order for strings of eight bytes or fewer.
const fn pack(b: &[u8]) -> u64 {
    let mut k = 0u64;
    let mut i = 0;
    while i < 8 {
        k <<= 8;
        if i < b.len() {
            // `i < b.len()` checked just above.
            #[allow(clippy::indexing_slicing)]
            let x = b[i];
            k |= x as u64;
        }
        i += 1;
    }
    k
}

const TITLES_PACKED: [u64; TITLES.len()] = {
    let mut out = [0u64; TITLES.len()];
    let mut i = 0;
    while i < TITLES.len() {
        #[allow(clippy::indexing_slicing)]
        {
            out[i] = pack(TITLES[i].as_bytes());
        }
        i += 1;
    }
    out
};

/// Whether `w` may be an abbreviation before a period: `false` when no
/// word of [`TITLES`], [`DOTTED`], [`ANYCASE`] or the scanner's own
/// "No"/"Nos" has its length and, case folded, its first two letters (a
/// one-letter word, an initial or "p."/"c.", always may). A filter in
/// front of the look-ups, which most sentence-final words ("said",
/// "year") never reach: it answers `true` whenever it cannot tell (a unit
/// test checks every entry gets through).
#[inline]
pub(super) fn may_abbreviate(w: &str) -> bool {
    let b = w.as_bytes();
    let (Some(&x), Some(&y)) = (b.first(), b.get(1)) else {
        return true;
    };
    match abbrev_key(x, y, b.len()) {
        Some(k) => ABBREV_KEYS
            .get(k / 64)
            .is_some_and(|set| set >> (k % 64) & 1 == 1),
        None => b.len() <= 7,
    }
}

/// Two ASCII letters, case folded, and a length of 2 to 7, as an index in
/// a 26 × 26 × 6 bit set; `None` for anything else.
const fn abbrev_key(x: u8, y: u8, len: usize) -> Option<usize> {
    if x.is_ascii_alphabetic() && y.is_ascii_alphabetic() && len >= 2 && len <= 7 {
        let (x, y) = (x.to_ascii_lowercase(), y.to_ascii_lowercase());
        Some(((x - b'a') as usize * 26 + (y - b'a') as usize) * 6 + (len - 2))
    } else {
        None
    }
}

/// The keys ([`abbrev_key`]) of every word an abbreviation with a period
/// may be (see [`may_abbreviate`]).
// Evaluated at compile time: a bad index is a build error, not a panic.
#[allow(clippy::indexing_slicing)]
const ABBREV_KEYS: [u64; 64] = {
    const fn add(mut set: [u64; 64], list: &[&str]) -> [u64; 64] {
        let mut i = 0;
        while i < list.len() {
            let b = list[i].as_bytes();
            if b.len() >= 2 {
                if let Some(k) = abbrev_key(b[0], b[1], b.len()) {
                    set[k / 64] |= 1 << (k % 64);
                }
            }
            i += 1;
        }
        set
    }
    add(
        add(add(add([0; 64], TITLES), DOTTED), ANYCASE),
        &["No", "Nos"],
    )
};

/// Whether `w` is an abbreviation in any case without a period.
pub(super) fn is_anycase(w: &str) -> bool {
    is_anycase_bytes(w.as_bytes())
}

/// [`is_anycase`] of the bytes of a word.
#[inline]
pub(super) fn is_anycase_bytes(b: &[u8]) -> bool {
    matches!(b.len(), 2 | 3) && ANYCASE.iter().any(|a| a.as_bytes().eq_ignore_ascii_case(b))
}

/// Whether `w` followed by a period is an abbreviation ("Jan.", "Inc.").
pub(super) fn is_dotted(w: &str) -> bool {
    if is_title(w) || is_anycase(w) {
        return true;
    }
    // First letter in either case, the rest as listed: "Inc", "inc", "Approx"
    // but not "INC" (shouted headlines are words, not abbreviations).
    // Called at every sentence end, hence the packed binary search.
    let mut buf = [0u8; 8];
    let b = w.as_bytes();
    if b.len() > buf.len() {
        return false;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = *s;
    }
    if let Some(f) = buf.first_mut() {
        *f = f.to_ascii_lowercase();
    }
    let key = u64::from_be_bytes(buf);
    DOTTED_PACKED.binary_search(&key).is_ok()
}

/// Sorted (binary search; a unit test checks).
#[allow(clippy::indexing_slicing)] // compile time: a bad index fails the build
const DOTTED_PACKED: [u64; DOTTED.len()] = {
    let mut out = [0u64; DOTTED.len()];
    let mut i = 0;
    while i < DOTTED.len() {
        out[i] = pack(DOTTED[i].as_bytes());
        i += 1;
    }
    out
};

/// Whether `w` is a contraction written with a leading apostrophe.
pub(super) fn is_leading(w: &str) -> bool {
    LEADING.iter().any(|a| a.eq_ignore_ascii_case(w))
}

/// Whether `w` is a top-level domain in the list.
pub(super) fn is_tld(w: &str) -> bool {
    TLDS.contains(w)
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorted() {
        assert!(super::TITLES.windows(2).all(|w| w[0] < w[1]));
        assert!(super::TITLES_PACKED.windows(2).all(|w| w[0] < w[1]));
        assert!(super::DOTTED.windows(2).all(|w| w[0] < w[1]));
        assert!(super::DOTTED_PACKED.windows(2).all(|w| w[0] < w[1]));
        assert!(super::is_dotted("Inc") && super::is_dotted("inc") && super::is_dotted("Approx"));
        assert!(!super::is_dotted("INC") && !super::is_dotted("said") && !super::is_dotted(""));
        assert!(super::is_dotted("Dr") && super::is_dotted("etc") && super::is_dotted("Vols"));
        assert!(super::is_title("Mr") && super::is_title("Supt") && !super::is_title("Mz"));
        // The fast filters in front of the look-ups let every entry through.
        assert!(super::TITLES.iter().all(|t| super::is_title(t)));
        assert!(super::DOTTED.iter().all(|t| super::is_dotted(t)));
        assert!(super::TLDS.iter().all(super::is_tld));
        let lists = [super::TITLES, super::DOTTED, super::ANYCASE, &["No", "Nos"]];
        for w in lists.iter().flat_map(|l| l.iter()) {
            let upper = w.to_ascii_uppercase();
            let first_up = format!("{}{}", &upper[..1], &w[1..]);
            for v in [w.to_string(), upper, first_up] {
                assert!(super::may_abbreviate(&v), "{v}");
            }
        }
        assert!(super::may_abbreviate("J") && super::may_abbreviate(""));
        assert!(!super::may_abbreviate("said") && !super::may_abbreviate("year"));
        assert!(super::may_abbreviate("É") && super::may_abbreviate("Mr1"));
        assert!(!super::may_abbreviate("Misters") && !super::may_abbreviate("Mistress"));
    }
}
