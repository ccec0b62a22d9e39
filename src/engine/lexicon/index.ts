// The lexicon compiled once: matchers built from lexicon/words.ts, the only
// place the rules' words live. Everything that reads a plan's words asks here.
import type { Role } from "../report";
import { textKey } from "../text";
import * as W from "./words";

export { ROLE_WORDS, STEP_WORDS, STATUS_WORDS, NO_DATE_PHRASES, OWNER_PLACEHOLDERS } from "./words";

// ───────────────────────────── header words ─────────────────────────────

const STOP_TOKENS = new Set(["and", "the", "a", "an"]);

/** "Actions" → "action", "Responsibilities" → "responsibility"; never "status" → "statu". */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Characters that show nothing (soft hyphen, zero-width space and joiners, direction marks, BOM): "RA\u200DG" is "RAG". */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/**
 * A header's words as the lexicon compares them: lower case, notes in brackets
 * dropped, punctuation and trailing colons gone, plurals folded.
 * "Owner(s):" → ["owner"]; "Sub-Actions & Progress" → ["sub", "action", "progress"].
 */
export function headerTokens(text: string): string[] {
  const t = text.replace(INVISIBLE, "").toLowerCase().replace(/\([^)]*\)|\[[^\]]*\]/g, " ");
  const out: string[] = [];
  for (const raw of t.split(/[^a-z0-9#]+/)) if (raw && !STOP_TOKENS.has(raw)) out.push(stem(raw));
  return out;
}

export type HeaderHow = "phrase" | "key" | "step" | "hint";

/** One role a header names, with how sure the words are and which words said so. */
export interface HeaderMatch {
  role: Role;
  /** 1 for a whole phrase, less for a key word inside a longer header, least for a hint. */
  score: number;
  how: HeaderHow;
  /** The lexicon entry that matched, for the evidence shown to the user. */
  word: string;
  /** A steps column: the sub-action beside an action column, else the action itself. */
  step?: boolean;
}

interface KeyMatcher {
  tokens: string[];
  /** The last token matches any word it starts. */
  prefix: boolean;
  role: Role;
  word: string;
  order: number;
}

const PHRASES = new Map<string, { role: Role; word: string }>();
const KEYS: KeyMatcher[] = [];
const HINTS = new Map<string, { role: Role; word: string }>();
const STEPS = new Set<string>();

W.ROLE_WORDS.forEach((list, order) => {
  for (const p of list.phrases) {
    const key = headerTokens(p).join(" ");
    if (key && !PHRASES.has(key)) PHRASES.set(key, { role: list.role, word: p });
  }
  for (const k of list.keys) {
    const prefix = k.endsWith("*");
    const tokens = headerTokens(prefix ? k.slice(0, -1) : k);
    if (tokens.length) KEYS.push({ tokens, prefix, role: list.role, word: k.replace(/\*$/, ""), order });
  }
  for (const h of list.hints ?? []) HINTS.set(headerTokens(h).join(" "), { role: list.role, word: h });
});
for (const s of W.STEP_WORDS) STEPS.add(headerTokens(s).join(" "));

const tokenMatches = (token: string, want: string, prefix: boolean): boolean => (prefix ? token.startsWith(want) : token === want);

function keyAt(tokens: readonly string[], k: KeyMatcher): boolean {
  const n = k.tokens.length;
  for (let i = 0; i + n <= tokens.length; i++) {
    let ok = true;
    for (let j = 0; j < n && ok; j++) ok = tokenMatches(tokens[i + j], k.tokens[j], k.prefix && j === n - 1);
    if (ok) return true;
  }
  return false;
}

// Header cells are labels; a long sentence is data or a note, except that a
// header may be a sentence naming its role by its key words.
const MAX_HEADER_LENGTH = 100;
const MAX_HEADER_WORDS = 14;
const SHORT_HEADER_TOKENS = 4;

/** Could this text be a column name at all? */
export function looksLikeHeaderText(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > MAX_HEADER_LENGTH) return false;
  const words = t.split(/\s+/).length;
  if (words > MAX_HEADER_WORDS) return false;
  if (words > 6 && /[.!]$/.test(t)) return false; // a sentence, not a label
  return /[\p{L}#]/u.test(t) && !THEME_HEADING.test(t);
}

const matchCache = new Map<string, HeaderMatch[]>();

/**
 * The roles a header cell names, best first. A cell names one role, except that
 * a combined column ("Sub-Actions & Progress") names a sub-action and progress.
 */
export function rolesOfHeader(text: string): HeaderMatch[] {
  const cached = matchCache.get(text);
  if (cached) return cached;
  const found = matchHeader(text);
  if (matchCache.size < 5000) matchCache.set(text, found);
  return found;
}

function matchHeader(text: string): HeaderMatch[] {
  if (!looksLikeHeaderText(text)) return [];
  const tokens = headerTokens(text);
  if (tokens.length === 0) return [];
  const joined = tokens.join(" ");
  const phrase = PHRASES.get(joined);
  if (phrase) {
    const first: HeaderMatch = { role: phrase.role, score: 1, how: "phrase", word: phrase.word };
    if (phrase.role === "subAction" && tokens.includes("progress")) return [first, { role: "progress", score: 0.7, how: "key", word: "progress" }];
    return [first];
  }
  if (STEPS.has(joined)) return [{ role: "subAction", score: 0.9, how: "step", word: joined, step: true }];
  const keyScore = tokens.length <= SHORT_HEADER_TOKENS ? 0.7 : 0.55;
  let best: KeyMatcher | null = null;
  for (const k of KEYS) if (keyAt(tokens, k) && (!best || k.order < best.order)) best = k;
  if (best) {
    const first: HeaderMatch = { role: best.role, score: keyScore, how: "key", word: best.word };
    if (best.role === "subAction" && tokens.includes("progress")) return [first, { role: "progress", score: keyScore, how: "key", word: "progress" }];
    return [first];
  }
  for (const t of tokens) if (STEPS.has(t)) return [{ role: "subAction", score: 0.6, how: "step", word: t, step: true }];
  const hint = HINTS.get(joined) ?? (tokens.length <= 2 ? tokens.map((t) => HINTS.get(t)).find(Boolean) : undefined);
  return hint ? [{ role: hint.role, score: 0.35, how: "hint", word: hint.word }] : [];
}

// ───────────────────────────── cell vocabulary ─────────────────────────────

const wordsOf = (s: string): string[] => textKey(s).split(/[^a-z']+/).filter(Boolean);
const STATUS_PHRASES = W.STATUS_WORDS.map(wordsOf);
const STATUS_QUALIFIERS = W.STATUS_QUALIFIERS.map(wordsOf);
const MAX_STATUS_WORDS = 5;

const startsWith = (words: readonly string[], phrase: readonly string[], at = 0): boolean =>
  phrase.length > 0 && phrase.every((w, i) => words[at + i] === w);

/** Is this short text a status ("Complete", "On track", "Green – completed", "Not yet due")? */
export function isStatusWord(text: string): boolean {
  const words = wordsOf(text);
  if (words.length === 0 || words.length > MAX_STATUS_WORDS) return false;
  if (STATUS_PHRASES.some((p) => startsWith(words, p))) return true;
  const q = STATUS_QUALIFIERS.find((p) => startsWith(words, p));
  return q !== undefined && STATUS_PHRASES.some((p) => startsWith(words, p, q.length));
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A phrase of the lexicon as a regex source: spaces and hyphens alike, "*" a word ending. */
function phraseSource(p: string): string {
  const stemmed = p.endsWith("*");
  const body = (stemmed ? p.slice(0, -1) : p)
    .split(/[\s-]+/)
    .map(escapeRegExp)
    .join("[\\s\\u2010-\\u2015-]*");
  return stemmed ? `${body}[a-z]*` : body;
}

const NO_DATE = new RegExp(`(?<![a-z])(?:${W.NO_DATE_PHRASES.map(phraseSource).join("|")})(?![a-z])|^\\s*(?:na|[-\\u2010-\\u2015?.…/]+)\\s*$`, "i");

/** Does this due text say there is deliberately no date ("Ongoing", "tbc", "By next meeting")? */
export const saysNoDate = (text: string): boolean => NO_DATE.test(text);

const PLACEHOLDERS = new Set(W.OWNER_PLACEHOLDERS.map((p) => textKey(p)));

/** An owner cell or fragment that names nobody yet ("tbc", "N/A", "#N/A", "TRUE"). */
export const isOwnerPlaceholder = (text: string): boolean => PLACEHOLDERS.has(textKey(text));

const alternatives = (words: readonly string[]): string => words.map((w) => w.split(/\s+/).map(escapeRegExp).join("\\s+")).join("|");

/** A heading that names a theme: "THEME 2 – …", "Theme: …", "Improvement Area 3 – …". */
export const THEME_HEADING = new RegExp(`^(?:${alternatives(W.THEME_HEADING_WORDS)})\\b\\s*(?:\\d{1,2}[a-z]?|[ivx]{1,4}|[a-h])?\\s*[:.\\-–—]`, "i");

/** "Theme Lead: …" belongs to the theme above; it is not an item nor a theme of its own. */
export const THEME_LEAD = new RegExp(`^(?:(?:${alternatives(W.THEME_LEAD_SUBJECTS)})\\s+)?(?:${alternatives(W.THEME_LEAD_WORDS)})\\s*(?:officer)?\\s*[:\\-–—]`, "i");

/** A negation or partial qualifier in a status: it is then not complete. */
export const INCOMPLETE = new RegExp(`\\b(?:${alternatives(W.INCOMPLETE_QUALIFIERS)})\\b`);

export const PERSON_ROLE_WORDS: ReadonlySet<string> = new Set(W.PERSON_ROLE_WORDS);
export const GROUP_WORDS: ReadonlySet<string> = new Set(W.GROUP_WORDS);
