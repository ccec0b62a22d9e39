// Reading the status column: is the item complete, and what RAG did the plan's
// author report for it?
import type { Rag } from "./report";
import { INCOMPLETE } from "./lexicon";
import { textKey } from "./text";


const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Builds the test for "complete" from the completion words in the settings. */
export function completionTest(words: readonly string[]): (status: string) => boolean {
  const alternatives = [...words].map((w) => textKey(w)).filter(Boolean).sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (alternatives.length === 0) return () => false;
  const word = new RegExp(`(?:^|[^a-z])(?:${alternatives.join("|")})(?![a-z])`);
  return (status) => {
    const key = textKey(status);
    if (!key || !word.test(key)) return false;
    return !INCOMPLETE.test(key);
  };
}

const REPORTED = /\b(blue|green|amber|red)\b/;

/** The RAG the status text reports ("Green", "Amber – slipping", "Green Completed" → blue), or null. */
export function reportedRag(status: string, isComplete: boolean): Rag | null {
  if (isComplete) return "blue";
  const m = REPORTED.exec(textKey(status));
  return m ? (m[1] as Rag) : null;
}
