// The one way tests and benchmarks find the shared folder and its labelled corpus:
// $PLAN_MONITOR_SHARED, else the "shared" folder beside the project.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The project folder: the nearest folder above this file holding package.json (it also runs compiled, from dist-bench/). */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = up;
  }
  return dir;
}

export const SHARED = process.env.PLAN_MONITOR_SHARED ?? path.resolve(projectRoot(), "../shared");
export const CORPUS = path.join(SHARED, "corpus");
export const SCORER = path.join(SHARED, "tools/score.mjs");

/** The path of a corpus file, by its file name ("scr-action-plan.xlsx"). */
export const corpusFile = (name: string): string => path.join(CORPUS, name);

/** The corpus workbooks' file names, sorted. */
export const corpusFiles = (): string[] => readdirSync(CORPUS).filter((f) => f.endsWith(".xlsx")).sort();

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
