// The labelled corpus in ../shared/corpus: every workbook with its labels.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const SHARED = process.env.PLAN_MONITOR_SHARED ?? path.resolve(__dirname, "../../../shared");
export const CORPUS = path.join(SHARED, "corpus");
export const SCORER = path.join(SHARED, "tools/score.mjs");

export interface CorpusEntry {
  name: string;
  workbook: string;
  labels: string;
  asAt: string;
}

export function corpusEntries(): CorpusEntry[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith(".expected.json"))
    .sort()
    .map((f) => {
      const name = f.replace(/\.expected\.json$/, "");
      const labels = path.join(CORPUS, f);
      return { name, workbook: path.join(CORPUS, `${name}.xlsx`), labels, asAt: JSON.parse(readFileSync(labels, "utf8")).asAt };
    });
}
