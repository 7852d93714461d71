/** Character codes the recognizers compare with `charCodeAt`, by name. */
export const TAB = 0x09;
export const LINE_FEED = 0x0a;
export const LINE_TABULATION = 0x0b;
export const FORM_FEED = 0x0c;
export const CARRIAGE_RETURN = 0x0d;
export const SPACE = 0x20;
export const AMPERSAND = 0x26;
export const LEFT_PAREN = 0x28;
export const RIGHT_PAREN = 0x29;
export const COMMA = 0x2c;
export const HYPHEN_MINUS = 0x2d;
export const FULL_STOP = 0x2e;
export const SLASH = 0x2f;
export const DIGIT_0 = 0x30;
export const DIGIT_1 = 0x31;
export const DIGIT_2 = 0x32;
export const DIGIT_3 = 0x33;
export const DIGIT_9 = 0x39;
export const COLON = 0x3a;
export const SEMICOLON = 0x3b;
export const EQUALS = 0x3d;
export const QUESTION_MARK = 0x3f;
export const NUMBER_SIGN = 0x23;
export const VERTICAL_LINE = 0x7c;
export const CAPITAL_A = 0x41;
export const CAPITAL_B = 0x42;
export const CAPITAL_D = 0x44;
export const CAPITAL_E = 0x45;
export const CAPITAL_I = 0x49;
export const CAPITAL_K = 0x4b;
export const CAPITAL_L = 0x4c;
export const CAPITAL_M = 0x4d;
export const CAPITAL_N = 0x4e;
export const CAPITAL_T = 0x54;
export const CAPITAL_U = 0x55;
export const CAPITAL_V = 0x56;
export const CAPITAL_X = 0x58;
export const CAPITAL_Z = 0x5a;
export const SMALL_A = 0x61;
export const SMALL_B = 0x62;
export const SMALL_E = 0x65;
export const SMALL_G = 0x67;
export const SMALL_H = 0x68;
export const SMALL_K = 0x6b;
export const SMALL_M = 0x6d;
export const SMALL_N = 0x6e;
export const SMALL_O = 0x6f;
export const SMALL_P = 0x70;
export const SMALL_T = 0x74;
export const SMALL_V = 0x76;
export const SMALL_Z = 0x7a;
export const NO_BREAK_SPACE = 0xa0;
/** À: the first Latin letter with an accent (Latin-1 Supplement). */
export const LATIN_A_GRAVE = 0xc0;
/** One past the last letter of Latin Extended-B (ɏ, U+024F). */
export const LATIN_EXTENDED_B_END = 0x250;
export const OGHAM_SPACE_MARK = 0x1680;
/** U+2000 to U+200A: the typographic spaces (en quad … hair space); U+200B the zero-width space after them. */
export const EN_QUAD = 0x2000;
export const ZERO_WIDTH_SPACE = 0x200b;
export const LINE_SEPARATOR = 0x2028;
export const PARAGRAPH_SEPARATOR = 0x2029;
export const NARROW_NO_BREAK_SPACE = 0x202f;
export const MEDIUM_MATHEMATICAL_SPACE = 0x205f;
/** U+2000 to U+206F: General Punctuation (spaces, dashes, quotes, invisible operators). */
export const GENERAL_PUNCTUATION_END = 0x206f;
export const IDEOGRAPHIC_SPACE = 0x3000;
/** The byte-order mark, also read as a zero-width no-break space. */
export const ZERO_WIDTH_NO_BREAK_SPACE = 0xfeff;
/** ‐ (U+2010) to ― (U+2015): hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar. */
export const HYPHEN = 0x2010;
export const NON_BREAKING_HYPHEN = 0x2011;
export const HORIZONTAL_BAR = 0x2015;
export const LEFT_SINGLE_QUOTATION_MARK = 0x2018;
/** ’, also the apostrophe of typeset text. */
export const RIGHT_SINGLE_QUOTATION_MARK = 0x2019;
export const MINUS_SIGN = 0x2212;
/** One past the last ASCII character. */
export const ASCII_END = 0x80;
