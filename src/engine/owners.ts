import { GROUP_WORDS, isOwnerPlaceholder, PERSON_ROLE_WORDS } from "./lexicon";
// Owner cells → the distinct people or roles they name (plan-rules.md §2,
// "owners"). This runs on every row of very large plans, so every pattern is
// compiled once here and single-token cells ("JF", "DiB") take a fast path.
//
// Approach: a cell is split into lines (hard boundaries), each line into
// fragments on "/", ",", ";", "&", "+" and " and ". Each fragment is then
// either a new owner (a person name, initials, a job title, an organisation)
// or the rest of the owner before it — job titles themselves contain "&", ","
// and "and" ("Deputy Director of Nursing & Quality CCG"), so a fragment that
// cannot stand alone is joined back with the separator it was split on.

/** A cell that is one token, with nothing to split or strip. */
const SIMPLE_TOKEN = /^[\p{L}\p{N}][\p{L}\p{N}.'’-]*$/u;
/** "(tbc)", "[Adults]": notes, not owners and not part of a name. */
const BRACKETED_NOTE = /\s*[([][^()[\]]*[)\]]/g;
/** An opening bracket never closed: the note runs to the end of the cell. */
const UNCLOSED_NOTE = /\s*[([][^()[\]]*$/;
const STRAY_BRACKET = /[()[\]]/g;
/** "(ICB)", "(CCG)": an acronym in brackets straight after a name. */
const ACRONYM_NOTE = /\s*\((\p{Lu}[\p{Lu}\p{Ll}&]{0,8}\p{Lu})\)/gu;
// The kept notes' placeholders are control characters on purpose: no cell text holds them.
// eslint-disable-next-line no-control-regex
const KEPT_NOTE = /\u0001(\d+)\u0002/g;
const LINE_BREAK = /\r\n|[\n\r\v\f\u2028\u2029]/;
const WHITESPACE = /\s+/g;
/**
 * Separators, captured so a fragment can be joined back with its own
 * separator. "and" counts only as a whole word standing between spaces or
 * other separators (never inside "Andrew"); "and/or" is one separator; a "+"
 * before a digit starts a phone number ("+44 20 7946 0000"), not a new owner.
 */
const SEPARATOR = /(\s*(?:(?<![^\s/,;&+])and(?:\/or)?(?=\s|$)|[/,;&]|\+(?!\d))\s*)/i;
/** Separators that read as "X and Y": a title's own words may be joined by them. */
const COORDINATING = /^\s*(?:&|\+|and)\s*$/i;
const COMMA = /^\s*,\s*$/;
/** ";" separates whole entries; nothing is joined across it. */
const HARD = /;/;
/** Dashes, bullets and colons left at a fragment's edges after splitting ("and – Head of …"). */
const FRAGMENT_EDGES = /^[\s\-–—•·*:]+|[\s\-–—:]+$/g;

/** Initials: "JF", "DKE", "DiB", "J.F." — not one letter ("Q & A"), nor four or more capitals, which are more likely a shouted name or an organisation. */
const INITIALS = /^(?:\p{Lu}(?:\p{Ll}?\p{Lu}){1,2}|(?:\p{Lu}\.){2,4})$/u;
/** A capitalised name word: "Jane", "O'Hagan", "McGinty", "Smith-Jones", or an initial "J." / "J". */
const NAME_PART = "\\p{Lu}(?:['’]\\p{Lu})?\\p{Ll}+(?:\\p{Lu}\\p{Ll}+)?";
const NAME_WORD = new RegExp(`^(?:\\p{Lu}\\.?|${NAME_PART}(?:-${NAME_PART})*)$`, "u");
/** A word of two or more capitals at the start of a fragment: an organisation ("NHS England"). */
const ACRONYM = /^\p{Lu}{2,}s?$/u;
const OF_WORD = /(?:^|\s)of(?:\s|$)/i;
const NOT_A_LETTER = /[^\p{L}-]/gu;
const LOWERCASE = /\p{Ll}/u;



/** Capitalised words that are never part of a person's name. */
const NON_NAME_WORDS = new Set(["all", "the", "of", "and", "for", "to", "with", "sub"]);

/** What one fragment of an owner cell looks like, worked out once. */
interface Fragment {
  text: string;
  words: string[];
  initials: boolean;
  name: boolean;
  personRole: boolean;
  anyRole: boolean;
  acronymLed: boolean;
  allLed: boolean;
}

/** An owner being built; the flags decide whether the next fragment joins it. */
interface Owner {
  text: string;
  /** Holds a role or group word: a job title or team, which may go on ("…, Quality & Performance"). */
  title: boolean;
  /** A title with an "of" phrase, which its own "and"/"&" may continue ("Head of Policy and Communications"). */
  hasOf: boolean;
  /** Just a person's name, which a ", job title" may follow. */
  bareName: boolean;
  /** One fragment that names nobody by itself ("Learning" in "Learning and Development Team"). */
  weak?: boolean;
}

/**
 * The distinct owners named in an owner cell, in order of appearance, trimmed
 * and with whitespace collapsed; the first spelling wins among case variants.
 */
export function splitOwners(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  if (SIMPLE_TOKEN.test(trimmed)) return isOwnerPlaceholder(trimmed) ? [] : [trimmed];

  const owners: string[] = [];
  for (const line of withoutNotes(trimmed).split(LINE_BREAK)) {
    for (const owner of ownersOfLine(line)) owners.push(owner.text);
  }
  return distinct(owners);
}

/** Drops bracketed notes, innermost first, so "(for supported people)" never reaches a name. */
function withoutNotes(text: string): string {
  // "Integrated Care Board (ICB)": a bracketed acronym is part of the unit's name, kept as written.
  const kept: string[] = [];
  let current = text.replace(ACRONYM_NOTE, (note: string, acronym: string) => {
    if (isOwnerPlaceholder(acronym)) return note;
    kept.push(note.trim());
    return ` \u0001${kept.length - 1}\u0002`;
  });
  let previous: string;
  do {
    previous = current;
    current = current.replace(BRACKETED_NOTE, "");
  } while (current !== previous);
  current = current.replace(UNCLOSED_NOTE, "").replace(STRAY_BRACKET, " ");
  return kept.length ? current.replace(KEPT_NOTE, (_: string, i: string) => kept[Number(i)]) : current;
}

/** One line's owners: fragments either start owners or join the one before. */
function ownersOfLine(rawLine: string): Owner[] {
  const line = rawLine.replace(WHITESPACE, " ").trim();
  if (line === "" || isOwnerPlaceholder(line)) return [];

  const parts = line.split(SEPARATOR); // [fragment, separator, fragment, …]
  const owners: Owner[] = [];
  let separator = "";
  for (let i = 0; i < parts.length; i += 2) {
    if (i > 0) separator = parts[i - 1];
    const text = parts[i].replace(FRAGMENT_EDGES, "");
    if (text === "" || isOwnerPlaceholder(text)) continue; // "…, and – Head": keep the latest separator
    const fragment = describe(text);
    const previous = owners[owners.length - 1];
    if (previous && joinsPrevious(fragment, previous, separator)) join(previous, separator, fragment);
    else owners.push(...ownersOf(fragment));
  }
  return owners;
}

function describe(text: string): Fragment {
  const words = text.split(" ");
  let personRole = false;
  let groupWord = false;
  for (const word of words) {
    const key = word.toLowerCase().replace(NOT_A_LETTER, "");
    if (PERSON_ROLE_WORDS.has(key)) personRole = true;
    else if (GROUP_WORDS.has(key)) groupWord = true;
  }
  return {
    text,
    words,
    initials: words.every((word) => INITIALS.test(word)),
    name: isPersonName(words),
    personRole,
    anyRole: personRole || groupWord,
    acronymLed: words.length > 1 && ACRONYM.test(words[0]),
    allLed: words.length > 1 && words[0].toLowerCase() === "all",
  };
}

/** Two or more capitalised name words, at least one more than an initial ("J. Smith", not "J. K."). */
function isPersonName(words: string[]): boolean {
  if (words.length < 2) return false;
  let fullWord = false;
  for (const word of words) {
    if (!NAME_WORD.test(word)) return false;
    const key = word.toLowerCase();
    if (NON_NAME_WORDS.has(key) || PERSON_ROLE_WORDS.has(key) || GROUP_WORDS.has(key)) return false;
    if (LOWERCASE.test(word)) fullWord = true;
  }
  return fullWord;
}

/** Whether a fragment names someone by itself, with no title before it to continue. */
function standsAlone(fragment: Fragment): boolean {
  return fragment.initials || fragment.name || fragment.anyRole || fragment.acronymLed || fragment.allLed;
}

/** Whether a fragment is the rest of the owner before it rather than a new owner. */
function joinsPrevious(fragment: Fragment, previous: Owner, separator: string): boolean {
  if (HARD.test(separator)) return false;
  // "Angela Woodhouse, Head of Policy": a name, then its job title or department.
  if (previous.bareName && COMMA.test(separator)) {
    return fragment.anyRole || !(fragment.name || fragment.initials);
  }
  // "Director of Nursing & Quality CCG", "Chair of Q & A sub Group": the "of"
  // phrase goes on until something that is plainly a new owner.
  if (previous.title && previous.hasOf) {
    const newOwner =
      fragment.personRole ||
      fragment.acronymLed ||
      fragment.allLed ||
      (fragment.name && !COORDINATING.test(separator));
    return !newOwner;
  }
  // "Learning and Development Team", "Health and Wellbeing Board": "and" inside a team's name.
  if (previous.weak && COORDINATING.test(separator) && fragment.anyRole && !fragment.personRole) return true;
  if (standsAlone(fragment)) return false;
  // "Assistant Director Safeguarding, Quality & Performance"; "Health & Wellbeing".
  return previous.title || COORDINATING.test(separator);
}

function join(owner: Owner, separator: string, fragment: Fragment): void {
  owner.text = `${owner.text}${separator}${fragment.text}`.replace(WHITESPACE, " ");
  owner.title = owner.title || fragment.anyRole;
  owner.hasOf = owner.hasOf || OF_WORD.test(fragment.text);
  owner.bareName = false;
  owner.weak = false;
}

/** A fragment that starts owners: "NT JU PF" is three, a run of full names is one per person. */
function ownersOf(fragment: Fragment): Owner[] {
  if (fragment.initials && fragment.words.length > 1) return fragment.words.map(initialsOwner);
  if (fragment.name && fragment.words.length >= 4 && fragment.words.length % 2 === 0) {
    return namePairs(fragment.words);
  }
  return [
    {
      text: fragment.text,
      title: fragment.anyRole,
      hasOf: OF_WORD.test(fragment.text),
      bareName: fragment.name,
      weak: !standsAlone(fragment),
    },
  ];
}

function initialsOwner(word: string): Owner {
  return { text: word, title: false, hasOf: false, bareName: false };
}

/** "Maxine Shakespeare Richard Limb": an even run of name words is first name + surname pairs. */
function namePairs(words: string[]): Owner[] {
  const owners: Owner[] = [];
  for (let i = 0; i < words.length; i += 2) {
    owners.push({ text: `${words[i]} ${words[i + 1]}`, title: false, hasOf: false, bareName: true });
  }
  return owners;
}

/** Case-insensitive de-duplication keeping the first spelling and order. */
function distinct(owners: string[]): string[] {
  if (owners.length < 2) return owners;
  const seen = new Set<string>();
  const result: string[] = [];
  for (const owner of owners) {
    const key = owner.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(owner);
  }
  return result;
}
