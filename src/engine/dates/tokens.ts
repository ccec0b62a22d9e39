// The tokenizer: date text as words, numbers and marks, so the readers scan it in
// one linear pass, stay linear on long notes pasted into a date column.

export const WORD = 0;
export const NUM = 1;
export const MARK = 2;

export interface Tok {
  k: number; // WORD | NUM | MARK
  s: string; // lower-cased word, digits, or the mark ("-" for every dash, "'" for every apostrophe)
  n: number; // value of a number
  len: number; // digits in a number
  ord: boolean; // number carried an ordinal suffix: 1st 2nd 3rd 12th
  gap: boolean; // whitespace stood before it
  cap: boolean; // word began with a capital
}

export const isSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
const isDash = (c: number): boolean => c === 45 || (c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe58 || c === 0xfe63 || c === 0xff0d;
const isQuote = (c: number): boolean => c === 39 || c === 0x2018 || c === 0x2019 || c === 0x60 || c === 0xb4 || c === 0x2032;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/** Splits text into words, numbers and marks; whitespace only sets `gap` on the next token. */
export function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  const n = text.length;
  let gap = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      gap = true;
      i++;
      continue;
    }
    const start = i;
    if (isLetter(c)) {
      while (i < n && isLetter(text.charCodeAt(i))) i++;
      toks.push({ k: WORD, s: text.slice(start, i).toLowerCase(), n: 0, len: 0, ord: false, gap, cap: c <= 90 });
    } else if (isDigit(c)) {
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      const digits = text.slice(start, i);
      let ord = false;
      if (i + 1 < n && !(i + 2 < n && isLetter(text.charCodeAt(i + 2)))) {
        const a = lower(text.charCodeAt(i));
        const b = lower(text.charCodeAt(i + 1));
        // st nd rd th
        if ((a === 115 && b === 116) || (a === 110 && b === 100) || (a === 114 && b === 100) || (a === 116 && b === 104)) {
          ord = true;
          i += 2;
        }
      }
      toks.push({ k: NUM, s: digits, n: digits.length > 9 ? Number.MAX_SAFE_INTEGER : Number(digits), len: digits.length, ord, gap, cap: false });
    } else {
      i++;
      const s = isDash(c) ? "-" : isQuote(c) ? "'" : text.charAt(start);
      toks.push({ k: MARK, s, n: 0, len: 0, ord: false, gap, cap: false });
    }
    gap = false;
  }
  return toks;
}


export const isMark = (t: Tok | undefined, s: string): boolean => t !== undefined && t.k === MARK && t.s === s;
export const isWord = (t: Tok | undefined, set: ReadonlySet<string>): boolean => t !== undefined && t.k === WORD && set.has(t.s);
export const tight = (t: Tok | undefined): boolean => t !== undefined && !t.gap;
