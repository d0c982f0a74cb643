//! Lower case exactly as std's `char::to_lowercase` and `str::to_lowercase`,
//! from tables a tenth of the size.
//!
//! std maps a char to lower case by a binary search over a sorted table of
//! every cased char and its lower case (about 1,400 pairs of `u32`, 11.7 KB
//! of the WebAssembly module), and `str::to_lowercase` adds the code and
//! tables of Unicode's `Cased` and `Case_Ignorable` properties for the one
//! contextual rule (final sigma). Most of those pairs come in runs that
//! differ from their lower case by the same amount ('A'..='Z' +32) or
//! alternate upper, lower (Latin Extended-A: 'Ā' 'ā' 'Ă' 'ă' ...), so
//! [`LOWER`] keeps 185 runs instead: the same answers for every `char`,
//! checked against std by the tests below for all 1,112,064 of them
//! (and the final-sigma context for each char on either side), in about
//! 3.3 KB of tables. Measured on the shipped module: 12.4 KB smaller, 5.0
//! KB gzipped. The tables were generated from std (Rust 1.95, Unicode 17)
//! by `scripts/case-tables.rs`; a new Unicode version in std makes the
//! tests fail until they are generated again.
//!
//! clippy.toml disallows std's `to_lowercase` and `to_uppercase` outside
//! tests, so that no new call brings std's tables back.

/// In a [`LOWER`] entry: only every other char of the run maps (the
/// first, the third...); the others are the lower cases themselves.
const ALTERNATE: u32 = 1 << 29;

/// The low 21 bits of a packed entry: its first char.
const FIRST: u32 = (1 << 21) - 1;

/// The chars that have a lower case of their own, in runs: each entry the
/// first char in bits 0..21, the number of chars after it in bits 21..29,
/// [`ALTERNATE`] when only every other one maps; then the difference from
/// a mapped char to its lower case. Sorted by the first char. 'İ' (U+0130),
/// the one char whose lower case is two chars, is not here but in
/// [`lower_char`].
static LOWER: [(u32, i32); 185] = [
    (0x0041 | 25 << 21, 32),
    (0x00C0 | 22 << 21, 32),
    (0x00D8 | 6 << 21, 32),
    (0x0100 | 46 << 21 | ALTERNATE, 1),
    (0x0132 | 4 << 21 | ALTERNATE, 1),
    (0x0139 | 14 << 21 | ALTERNATE, 1),
    (0x014A | 44 << 21 | ALTERNATE, 1),
    (0x0178, -121),
    (0x0179 | 4 << 21 | ALTERNATE, 1),
    (0x0181, 210),
    (0x0182 | 2 << 21 | ALTERNATE, 1),
    (0x0186, 206),
    (0x0187, 1),
    (0x0189 | 1 << 21, 205),
    (0x018B, 1),
    (0x018E, 79),
    (0x018F, 202),
    (0x0190, 203),
    (0x0191, 1),
    (0x0193, 205),
    (0x0194, 207),
    (0x0196, 211),
    (0x0197, 209),
    (0x0198, 1),
    (0x019C, 211),
    (0x019D, 213),
    (0x019F, 214),
    (0x01A0 | 4 << 21 | ALTERNATE, 1),
    (0x01A6, 218),
    (0x01A7, 1),
    (0x01A9, 218),
    (0x01AC, 1),
    (0x01AE, 218),
    (0x01AF, 1),
    (0x01B1 | 1 << 21, 217),
    (0x01B3 | 2 << 21 | ALTERNATE, 1),
    (0x01B7, 219),
    (0x01B8, 1),
    (0x01BC, 1),
    (0x01C4, 2),
    (0x01C5, 1),
    (0x01C7, 2),
    (0x01C8, 1),
    (0x01CA, 2),
    (0x01CB | 16 << 21 | ALTERNATE, 1),
    (0x01DE | 16 << 21 | ALTERNATE, 1),
    (0x01F1, 2),
    (0x01F2 | 2 << 21 | ALTERNATE, 1),
    (0x01F6, -97),
    (0x01F7, -56),
    (0x01F8 | 38 << 21 | ALTERNATE, 1),
    (0x0220, -130),
    (0x0222 | 16 << 21 | ALTERNATE, 1),
    (0x023A, 10795),
    (0x023B, 1),
    (0x023D, -163),
    (0x023E, 10792),
    (0x0241, 1),
    (0x0243, -195),
    (0x0244, 69),
    (0x0245, 71),
    (0x0246 | 8 << 21 | ALTERNATE, 1),
    (0x0370 | 2 << 21 | ALTERNATE, 1),
    (0x0376, 1),
    (0x037F, 116),
    (0x0386, 38),
    (0x0388 | 2 << 21, 37),
    (0x038C, 64),
    (0x038E | 1 << 21, 63),
    (0x0391 | 16 << 21, 32),
    (0x03A3 | 8 << 21, 32),
    (0x03CF, 8),
    (0x03D8 | 22 << 21 | ALTERNATE, 1),
    (0x03F4, -60),
    (0x03F7, 1),
    (0x03F9, -7),
    (0x03FA, 1),
    (0x03FD | 2 << 21, -130),
    (0x0400 | 15 << 21, 80),
    (0x0410 | 31 << 21, 32),
    (0x0460 | 32 << 21 | ALTERNATE, 1),
    (0x048A | 52 << 21 | ALTERNATE, 1),
    (0x04C0, 15),
    (0x04C1 | 12 << 21 | ALTERNATE, 1),
    (0x04D0 | 94 << 21 | ALTERNATE, 1),
    (0x0531 | 37 << 21, 48),
    (0x10A0 | 37 << 21, 7264),
    (0x10C7, 7264),
    (0x10CD, 7264),
    (0x13A0 | 79 << 21, 38864),
    (0x13F0 | 5 << 21, 8),
    (0x1C89, 1),
    (0x1C90 | 42 << 21, -3008),
    (0x1CBD | 2 << 21, -3008),
    (0x1E00 | 148 << 21 | ALTERNATE, 1),
    (0x1E9E, -7615),
    (0x1EA0 | 94 << 21 | ALTERNATE, 1),
    (0x1F08 | 7 << 21, -8),
    (0x1F18 | 5 << 21, -8),
    (0x1F28 | 7 << 21, -8),
    (0x1F38 | 7 << 21, -8),
    (0x1F48 | 5 << 21, -8),
    (0x1F59 | 6 << 21 | ALTERNATE, -8),
    (0x1F68 | 7 << 21, -8),
    (0x1F88 | 7 << 21, -8),
    (0x1F98 | 7 << 21, -8),
    (0x1FA8 | 7 << 21, -8),
    (0x1FB8 | 1 << 21, -8),
    (0x1FBA | 1 << 21, -74),
    (0x1FBC, -9),
    (0x1FC8 | 3 << 21, -86),
    (0x1FCC, -9),
    (0x1FD8 | 1 << 21, -8),
    (0x1FDA | 1 << 21, -100),
    (0x1FE8 | 1 << 21, -8),
    (0x1FEA | 1 << 21, -112),
    (0x1FEC, -7),
    (0x1FF8 | 1 << 21, -128),
    (0x1FFA | 1 << 21, -126),
    (0x1FFC, -9),
    (0x2126, -7517),
    (0x212A, -8383),
    (0x212B, -8262),
    (0x2132, 28),
    (0x2160 | 15 << 21, 16),
    (0x2183, 1),
    (0x24B6 | 25 << 21, 26),
    (0x2C00 | 47 << 21, 48),
    (0x2C60, 1),
    (0x2C62, -10743),
    (0x2C63, -3814),
    (0x2C64, -10727),
    (0x2C67 | 4 << 21 | ALTERNATE, 1),
    (0x2C6D, -10780),
    (0x2C6E, -10749),
    (0x2C6F, -10783),
    (0x2C70, -10782),
    (0x2C72, 1),
    (0x2C75, 1),
    (0x2C7E | 1 << 21, -10815),
    (0x2C80 | 98 << 21 | ALTERNATE, 1),
    (0x2CEB | 2 << 21 | ALTERNATE, 1),
    (0x2CF2, 1),
    (0xA640 | 44 << 21 | ALTERNATE, 1),
    (0xA680 | 26 << 21 | ALTERNATE, 1),
    (0xA722 | 12 << 21 | ALTERNATE, 1),
    (0xA732 | 60 << 21 | ALTERNATE, 1),
    (0xA779 | 2 << 21 | ALTERNATE, 1),
    (0xA77D, -35332),
    (0xA77E | 8 << 21 | ALTERNATE, 1),
    (0xA78B, 1),
    (0xA78D, -42280),
    (0xA790 | 2 << 21 | ALTERNATE, 1),
    (0xA796 | 18 << 21 | ALTERNATE, 1),
    (0xA7AA, -42308),
    (0xA7AB, -42319),
    (0xA7AC, -42315),
    (0xA7AD, -42305),
    (0xA7AE, -42308),
    (0xA7B0, -42258),
    (0xA7B1, -42282),
    (0xA7B2, -42261),
    (0xA7B3, 928),
    (0xA7B4 | 14 << 21 | ALTERNATE, 1),
    (0xA7C4, -48),
    (0xA7C5, -42307),
    (0xA7C6, -35384),
    (0xA7C7 | 2 << 21 | ALTERNATE, 1),
    (0xA7CB, -42343),
    (0xA7CC | 14 << 21 | ALTERNATE, 1),
    (0xA7DC, -42561),
    (0xA7F5, 1),
    (0xFF21 | 25 << 21, 32),
    (0x10400 | 39 << 21, 40),
    (0x104B0 | 35 << 21, 40),
    (0x10570 | 10 << 21, 39),
    (0x1057C | 14 << 21, 39),
    (0x1058C | 6 << 21, 39),
    (0x10594 | 1 << 21, 39),
    (0x10C80 | 50 << 21, 64),
    (0x10D50 | 21 << 21, 32),
    (0x118A0 | 31 << 21, 32),
    (0x16E40 | 31 << 21, 32),
    (0x16EA0 | 24 << 21, 27),
    (0x1E900 | 33 << 21, 34),
];

/// Unicode's `Case_Ignorable` chars (apostrophes, periods, combining
/// marks, modifier letters...), which final sigma looks past: each entry
/// the first char of a range in bits 0..21 and the number of chars after
/// it from bit 21, sorted.
static IGNORABLE: [u32; 464] = [
    0x0027,
    0x002E,
    0x003A,
    0x005E,
    0x0060,
    0x00A8,
    0x00AD,
    0x00AF,
    0x00B4,
    0x00B7 | 1 << 21,
    0x02B0 | 191 << 21,
    0x0374 | 1 << 21,
    0x037A,
    0x0384 | 1 << 21,
    0x0387,
    0x0483 | 6 << 21,
    0x0559,
    0x055F,
    0x0591 | 44 << 21,
    0x05BF,
    0x05C1 | 1 << 21,
    0x05C4 | 1 << 21,
    0x05C7,
    0x05F4,
    0x0600 | 5 << 21,
    0x0610 | 10 << 21,
    0x061C,
    0x0640,
    0x064B | 20 << 21,
    0x0670,
    0x06D6 | 7 << 21,
    0x06DF | 9 << 21,
    0x06EA | 3 << 21,
    0x070F,
    0x0711,
    0x0730 | 26 << 21,
    0x07A6 | 10 << 21,
    0x07EB | 10 << 21,
    0x07FA,
    0x07FD,
    0x0816 | 23 << 21,
    0x0859 | 2 << 21,
    0x0888,
    0x0890 | 1 << 21,
    0x0897 | 8 << 21,
    0x08C9 | 57 << 21,
    0x093A,
    0x093C,
    0x0941 | 7 << 21,
    0x094D,
    0x0951 | 6 << 21,
    0x0962 | 1 << 21,
    0x0971,
    0x0981,
    0x09BC,
    0x09C1 | 3 << 21,
    0x09CD,
    0x09E2 | 1 << 21,
    0x09FE,
    0x0A01 | 1 << 21,
    0x0A3C,
    0x0A41 | 1 << 21,
    0x0A47 | 1 << 21,
    0x0A4B | 2 << 21,
    0x0A51,
    0x0A70 | 1 << 21,
    0x0A75,
    0x0A81 | 1 << 21,
    0x0ABC,
    0x0AC1 | 4 << 21,
    0x0AC7 | 1 << 21,
    0x0ACD,
    0x0AE2 | 1 << 21,
    0x0AFA | 5 << 21,
    0x0B01,
    0x0B3C,
    0x0B3F,
    0x0B41 | 3 << 21,
    0x0B4D,
    0x0B55 | 1 << 21,
    0x0B62 | 1 << 21,
    0x0B82,
    0x0BC0,
    0x0BCD,
    0x0C00,
    0x0C04,
    0x0C3C,
    0x0C3E | 2 << 21,
    0x0C46 | 2 << 21,
    0x0C4A | 3 << 21,
    0x0C55 | 1 << 21,
    0x0C62 | 1 << 21,
    0x0C81,
    0x0CBC,
    0x0CBF,
    0x0CC6,
    0x0CCC | 1 << 21,
    0x0CE2 | 1 << 21,
    0x0D00 | 1 << 21,
    0x0D3B | 1 << 21,
    0x0D41 | 3 << 21,
    0x0D4D,
    0x0D62 | 1 << 21,
    0x0D81,
    0x0DCA,
    0x0DD2 | 2 << 21,
    0x0DD6,
    0x0E31,
    0x0E34 | 6 << 21,
    0x0E46 | 8 << 21,
    0x0EB1,
    0x0EB4 | 8 << 21,
    0x0EC6,
    0x0EC8 | 6 << 21,
    0x0F18 | 1 << 21,
    0x0F35,
    0x0F37,
    0x0F39,
    0x0F71 | 13 << 21,
    0x0F80 | 4 << 21,
    0x0F86 | 1 << 21,
    0x0F8D | 10 << 21,
    0x0F99 | 35 << 21,
    0x0FC6,
    0x102D | 3 << 21,
    0x1032 | 5 << 21,
    0x1039 | 1 << 21,
    0x103D | 1 << 21,
    0x1058 | 1 << 21,
    0x105E | 2 << 21,
    0x1071 | 3 << 21,
    0x1082,
    0x1085 | 1 << 21,
    0x108D,
    0x109D,
    0x10FC,
    0x135D | 2 << 21,
    0x1712 | 2 << 21,
    0x1732 | 1 << 21,
    0x1752 | 1 << 21,
    0x1772 | 1 << 21,
    0x17B4 | 1 << 21,
    0x17B7 | 6 << 21,
    0x17C6,
    0x17C9 | 10 << 21,
    0x17D7,
    0x17DD,
    0x180B | 4 << 21,
    0x1843,
    0x1885 | 1 << 21,
    0x18A9,
    0x1920 | 2 << 21,
    0x1927 | 1 << 21,
    0x1932,
    0x1939 | 2 << 21,
    0x1A17 | 1 << 21,
    0x1A1B,
    0x1A56,
    0x1A58 | 6 << 21,
    0x1A60,
    0x1A62,
    0x1A65 | 7 << 21,
    0x1A73 | 9 << 21,
    0x1A7F,
    0x1AA7,
    0x1AB0 | 45 << 21,
    0x1AE0 | 11 << 21,
    0x1B00 | 3 << 21,
    0x1B34,
    0x1B36 | 4 << 21,
    0x1B3C,
    0x1B42,
    0x1B6B | 8 << 21,
    0x1B80 | 1 << 21,
    0x1BA2 | 3 << 21,
    0x1BA8 | 1 << 21,
    0x1BAB | 2 << 21,
    0x1BE6,
    0x1BE8 | 1 << 21,
    0x1BED,
    0x1BEF | 2 << 21,
    0x1C2C | 7 << 21,
    0x1C36 | 1 << 21,
    0x1C78 | 5 << 21,
    0x1CD0 | 2 << 21,
    0x1CD4 | 12 << 21,
    0x1CE2 | 6 << 21,
    0x1CED,
    0x1CF4,
    0x1CF8 | 1 << 21,
    0x1D2C | 62 << 21,
    0x1D78,
    0x1D9B | 100 << 21,
    0x1FBD,
    0x1FBF | 2 << 21,
    0x1FCD | 2 << 21,
    0x1FDD | 2 << 21,
    0x1FED | 2 << 21,
    0x1FFD | 1 << 21,
    0x200B | 4 << 21,
    0x2018 | 1 << 21,
    0x2024,
    0x2027,
    0x202A | 4 << 21,
    0x2060 | 4 << 21,
    0x2066 | 9 << 21,
    0x2071,
    0x207F,
    0x2090 | 12 << 21,
    0x20D0 | 32 << 21,
    0x2C7C | 1 << 21,
    0x2CEF | 2 << 21,
    0x2D6F,
    0x2D7F,
    0x2DE0 | 31 << 21,
    0x2E2F,
    0x3005,
    0x302A | 3 << 21,
    0x3031 | 4 << 21,
    0x303B,
    0x3099 | 5 << 21,
    0x30FC | 2 << 21,
    0xA015,
    0xA4F8 | 5 << 21,
    0xA60C,
    0xA66F | 3 << 21,
    0xA674 | 9 << 21,
    0xA67F,
    0xA69C | 3 << 21,
    0xA6F0 | 1 << 21,
    0xA700 | 33 << 21,
    0xA770,
    0xA788 | 2 << 21,
    0xA7F1 | 3 << 21,
    0xA7F8 | 1 << 21,
    0xA802,
    0xA806,
    0xA80B,
    0xA825 | 1 << 21,
    0xA82C,
    0xA8C4 | 1 << 21,
    0xA8E0 | 17 << 21,
    0xA8FF,
    0xA926 | 7 << 21,
    0xA947 | 10 << 21,
    0xA980 | 2 << 21,
    0xA9B3,
    0xA9B6 | 3 << 21,
    0xA9BC | 1 << 21,
    0xA9CF,
    0xA9E5 | 1 << 21,
    0xAA29 | 5 << 21,
    0xAA31 | 1 << 21,
    0xAA35 | 1 << 21,
    0xAA43,
    0xAA4C,
    0xAA70,
    0xAA7C,
    0xAAB0,
    0xAAB2 | 2 << 21,
    0xAAB7 | 1 << 21,
    0xAABE | 1 << 21,
    0xAAC1,
    0xAADD,
    0xAAEC | 1 << 21,
    0xAAF3 | 1 << 21,
    0xAAF6,
    0xAB5B | 4 << 21,
    0xAB69 | 2 << 21,
    0xABE5,
    0xABE8,
    0xABED,
    0xFB1E,
    0xFBB2 | 16 << 21,
    0xFE00 | 15 << 21,
    0xFE13,
    0xFE20 | 15 << 21,
    0xFE52,
    0xFE55,
    0xFEFF,
    0xFF07,
    0xFF0E,
    0xFF1A,
    0xFF3E,
    0xFF40,
    0xFF70,
    0xFF9E | 1 << 21,
    0xFFE3,
    0xFFF9 | 2 << 21,
    0x101FD,
    0x102E0,
    0x10376 | 4 << 21,
    0x10780 | 5 << 21,
    0x10787 | 41 << 21,
    0x107B2 | 8 << 21,
    0x10A01 | 2 << 21,
    0x10A05 | 1 << 21,
    0x10A0C | 3 << 21,
    0x10A38 | 2 << 21,
    0x10A3F,
    0x10AE5 | 1 << 21,
    0x10D24 | 3 << 21,
    0x10D4E,
    0x10D69 | 4 << 21,
    0x10D6F,
    0x10EAB | 1 << 21,
    0x10EC5,
    0x10EFA | 5 << 21,
    0x10F46 | 10 << 21,
    0x10F82 | 3 << 21,
    0x11001,
    0x11038 | 14 << 21,
    0x11070,
    0x11073 | 1 << 21,
    0x1107F | 2 << 21,
    0x110B3 | 3 << 21,
    0x110B9 | 1 << 21,
    0x110BD,
    0x110C2,
    0x110CD,
    0x11100 | 2 << 21,
    0x11127 | 4 << 21,
    0x1112D | 7 << 21,
    0x11173,
    0x11180 | 1 << 21,
    0x111B6 | 8 << 21,
    0x111C9 | 3 << 21,
    0x111CF,
    0x1122F | 2 << 21,
    0x11234,
    0x11236 | 1 << 21,
    0x1123E,
    0x11241,
    0x112DF,
    0x112E3 | 7 << 21,
    0x11300 | 1 << 21,
    0x1133B | 1 << 21,
    0x11340,
    0x11366 | 6 << 21,
    0x11370 | 4 << 21,
    0x113BB | 5 << 21,
    0x113CE,
    0x113D0,
    0x113D2,
    0x113E1 | 1 << 21,
    0x11438 | 7 << 21,
    0x11442 | 2 << 21,
    0x11446,
    0x1145E,
    0x114B3 | 5 << 21,
    0x114BA,
    0x114BF | 1 << 21,
    0x114C2 | 1 << 21,
    0x115B2 | 3 << 21,
    0x115BC | 1 << 21,
    0x115BF | 1 << 21,
    0x115DC | 1 << 21,
    0x11633 | 7 << 21,
    0x1163D,
    0x1163F | 1 << 21,
    0x116AB,
    0x116AD,
    0x116B0 | 5 << 21,
    0x116B7,
    0x1171D,
    0x1171F,
    0x11722 | 3 << 21,
    0x11727 | 4 << 21,
    0x1182F | 8 << 21,
    0x11839 | 1 << 21,
    0x1193B | 1 << 21,
    0x1193E,
    0x11943,
    0x119D4 | 3 << 21,
    0x119DA | 1 << 21,
    0x119E0,
    0x11A01 | 9 << 21,
    0x11A33 | 5 << 21,
    0x11A3B | 3 << 21,
    0x11A47,
    0x11A51 | 5 << 21,
    0x11A59 | 2 << 21,
    0x11A8A | 12 << 21,
    0x11A98 | 1 << 21,
    0x11B60,
    0x11B62 | 2 << 21,
    0x11B66,
    0x11C30 | 6 << 21,
    0x11C38 | 5 << 21,
    0x11C3F,
    0x11C92 | 21 << 21,
    0x11CAA | 6 << 21,
    0x11CB2 | 1 << 21,
    0x11CB5 | 1 << 21,
    0x11D31 | 5 << 21,
    0x11D3A,
    0x11D3C | 1 << 21,
    0x11D3F | 6 << 21,
    0x11D47,
    0x11D90 | 1 << 21,
    0x11D95,
    0x11D97,
    0x11DD9,
    0x11EF3 | 1 << 21,
    0x11F00 | 1 << 21,
    0x11F36 | 4 << 21,
    0x11F40,
    0x11F42,
    0x11F5A,
    0x13430 | 16 << 21,
    0x13447 | 14 << 21,
    0x1611E | 11 << 21,
    0x1612D | 2 << 21,
    0x16AF0 | 4 << 21,
    0x16B30 | 6 << 21,
    0x16B40 | 3 << 21,
    0x16D40 | 2 << 21,
    0x16D6B | 1 << 21,
    0x16F4F,
    0x16F8F | 16 << 21,
    0x16FE0 | 1 << 21,
    0x16FE3 | 1 << 21,
    0x16FF2 | 1 << 21,
    0x1AFF0 | 3 << 21,
    0x1AFF5 | 6 << 21,
    0x1AFFD | 1 << 21,
    0x1BC9D | 1 << 21,
    0x1BCA0 | 3 << 21,
    0x1CF00 | 45 << 21,
    0x1CF30 | 22 << 21,
    0x1D167 | 2 << 21,
    0x1D173 | 15 << 21,
    0x1D185 | 6 << 21,
    0x1D1AA | 3 << 21,
    0x1D242 | 2 << 21,
    0x1DA00 | 54 << 21,
    0x1DA3B | 49 << 21,
    0x1DA75,
    0x1DA84,
    0x1DA9B | 4 << 21,
    0x1DAA1 | 14 << 21,
    0x1E000 | 6 << 21,
    0x1E008 | 16 << 21,
    0x1E01B | 6 << 21,
    0x1E023 | 1 << 21,
    0x1E026 | 4 << 21,
    0x1E030 | 61 << 21,
    0x1E08F,
    0x1E130 | 13 << 21,
    0x1E2AE,
    0x1E2EC | 3 << 21,
    0x1E4EB | 4 << 21,
    0x1E5EE | 1 << 21,
    0x1E6E3,
    0x1E6E6,
    0x1E6EE | 1 << 21,
    0x1E6F5,
    0x1E6FF,
    0x1E8D0 | 6 << 21,
    0x1E944 | 7 << 21,
    0x1F3FB | 4 << 21,
    0xE0001,
    0xE0020 | 95 << 21,
    0xE0100 | 239 << 21,
];

/// The entry of a sorted packed table whose range may hold `c`: the last
/// one that starts at or before it.
fn entry<T: Copy>(table: &[T], c: u32, first: impl Fn(T) -> u32) -> Option<(T, u32)> {
    let i = table.partition_point(|&e| first(e) & FIRST <= c);
    let e = *table.get(i.checked_sub(1)?)?;
    Some((e, c - (first(e) & FIRST)))
}

/// `c.to_lowercase()`: the same chars (one, or two for 'İ'), without std's
/// 11.7 KB table.
pub(crate) fn lower_char(c: char) -> impl Iterator<Item = char> {
    let (one, two) = if c.is_ascii() {
        (c.to_ascii_lowercase(), None)
    } else if c == '\u{130}' {
        ('i', Some('\u{307}'))
    } else {
        (lower_one(c), None)
    };
    core::iter::once(one).chain(two)
}

/// The lower case of a non-ASCII `c` other than 'İ', by [`LOWER`]. Not
/// inlined: [`lower_char`] is, for its ASCII case, at each caller.
#[inline(never)]
fn lower_one(c: char) -> char {
    let u = u32::from(c);
    let Some(((run, delta), offset)) = entry(&LOWER, u, |(run, _)| run) else {
        return c;
    };
    let len = (run & !ALTERNATE) >> 21;
    if offset > len || (run & ALTERNATE != 0 && offset % 2 == 1) {
        return c;
    }
    u.checked_add_signed(delta)
        .and_then(char::from_u32)
        .unwrap_or(c)
}

/// `s.to_lowercase()`: the same string, 'Σ' included (final 'ς' at the end
/// of a word, 'σ' elsewhere, by the context std looks at).
pub(crate) fn to_lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c == 'Σ' {
            out.push(sigma(s, i));
        } else {
            for l in lower_char(c) {
                out.push(l);
            }
        }
    }
    out
}

/// The lower case of the 'Σ' at byte `i` of `s`: Unicode's `Final_Sigma`
/// condition, as std decides it (a cased char before it and none after
/// it, case-ignorable chars skipped on either side). Linear over a text:
/// a scan stops at the first char that is not case-ignorable, so each
/// char is passed over by at most the sigma before and the one after it.
#[cold]
#[inline(never)]
fn sigma(s: &str, i: usize) -> char {
    let before = s.get(..i).unwrap_or("");
    let after = s.get(i + 'Σ'.len_utf8()..).unwrap_or("");
    if ignorable_then_cased(before.chars().rev()) && !ignorable_then_cased(after.chars()) {
        'ς'
    } else {
        'σ'
    }
}

/// Whether the first char of `chars` that is not case-ignorable is cased.
fn ignorable_then_cased(mut chars: impl Iterator<Item = char>) -> bool {
    chars.find(|&c| !is_case_ignorable(c)).is_some_and(is_cased)
}

/// Unicode's `Cased`: `Lowercase`, `Uppercase` or title case (`Lt`).
fn is_cased(c: char) -> bool {
    c.is_lowercase()
        || c.is_uppercase()
        || matches!(
            c,
            'ǅ' | 'ǈ' | 'ǋ' | 'ǲ' | 'ᾈ'..='ᾏ' | 'ᾘ'..='ᾟ' | 'ᾨ'..='ᾯ' | 'ᾼ' | 'ῌ' | 'ῼ'
        )
}

/// Unicode's `Case_Ignorable`, by [`IGNORABLE`].
fn is_case_ignorable(c: char) -> bool {
    entry(&IGNORABLE, u32::from(c), |e| e).is_some_and(|(e, offset)| offset <= e >> 21)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_char() -> impl Iterator<Item = char> {
        (0..=u32::from(char::MAX)).filter_map(char::from_u32)
    }

    #[test]
    fn lower_char_is_std_for_every_char() {
        for c in every_char() {
            assert!(
                lower_char(c).eq(c.to_lowercase()),
                "{c:?} U+{:04X}",
                u32::from(c)
            );
        }
    }

    /// Final sigma depends on the chars around 'Σ': every char is tried
    /// before and after it, next to a cased letter and to a digit, so
    /// that both `Cased` and `Case_Ignorable` are checked for all.
    #[test]
    fn sigma_context_is_std_for_every_char() {
        for c in every_char() {
            for s in [
                format!("Α{c}Σ"),
                format!("1{c}Σ"),
                format!("Α{c}Σ{c}"),
                format!("ΑΣ{c}"),
                format!("ΑΣ{c}1"),
                format!("ΑΣ{c}Α"),
            ] {
                assert_eq!(to_lowercase(&s), s.to_lowercase(), "U+{:04X}", u32::from(c));
            }
        }
    }

    #[test]
    fn to_lowercase_is_std_on_words() {
        for s in [
            "",
            "Σ",
            "ΣΑ",
            "ΟΔΥΣΣΕΥΣ",
            "ΟΔΥΣΣΕΥΣ.",
            "ΑΣ'Α",
            "Σ'Σ",
            "ΜΙΑ ΟΔΟΣ, ΔΥΟ ΟΔΟΙ",
            "İSTANBUL",
            "Straße ÄÖÜ",
            "ǅUŠAN",
            "ΜΊΑ ΑΣ̈ Χ",
            "Ⓐ Ⅷ K Ω",
            "ДЕНЬ ՀԱՅ ႠႡ 𐐀",
        ] {
            assert_eq!(to_lowercase(s), s.to_lowercase(), "{s}");
        }
    }

    #[test]
    fn tables_are_sorted() {
        assert!(LOWER.windows(2).all(|w| match w {
            [(a, _), (b, _)] => a & FIRST < b & FIRST,
            _ => false,
        }));
        assert!(IGNORABLE.windows(2).all(|w| match w {
            [a, b] => (a & FIRST) + (a >> 21) < b & FIRST,
            _ => false,
        }));
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn to_lowercase_is_std(s in "[ΣΑα1 .'\\u{300}İ]{0,12}|\\PC{0,20}") {
            proptest::prop_assert_eq!(to_lowercase(&s), s.to_lowercase());
        }
    }
}
