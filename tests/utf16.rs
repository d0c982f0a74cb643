//! UTF-16 offsets agree with a naive reference on arbitrary text.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use quotelens::{convert_sorted, Utf16Map};

fn naive(hay: &str, byte: usize) -> usize {
    hay[..byte].encode_utf16().count()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn map_and_sorted_pass_agree_with_naive(s in "(\\PC|[😀🇬\u{FFFD}\u{200D}é€])*") {
        let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
        let want: Vec<usize> = bounds.iter().map(|&b| naive(&s, b)).collect();
        let map = Utf16Map::new(&s);
        let got: Vec<usize> = bounds.iter().map(|&b| map.to_utf16(b)).collect();
        prop_assert_eq!(&got, &want);
        let mut sorted = bounds.clone();
        convert_sorted(&s, &mut sorted);
        prop_assert_eq!(&sorted, &want);
    }

    /// Every token and sentence offset in the report slices the JS view
    /// of the string to the same text.
    #[test]
    fn report_offsets_slice_utf16(s in "(\\PC|[“”\"'😀\n ]){0,120}") {
        let a = quotelens::analyze(&s);
        let r = quotelens::Report::new(&s, &a);
        let units: Vec<u16> = s.encode_utf16().collect();
        for t in r.sentences.iter().chain(r.paragraphs.iter()) {
            prop_assert_eq!(String::from_utf16(&units[t.start..t.end]).unwrap(), t.text.clone());
        }
        for q in &r.quotes {
            let whole = String::from_utf16(&units[q.start..q.end]).unwrap();
            prop_assert!(whole.contains(q.text.as_str()));
        }
    }
}
