// The task pane's JavaScript, gzipped (level 9), as the production build ships
// it: the scripts taskpane.html loads from dist/taskpane/ (Office.js from
// Microsoft's CDN is not counted). Needs `npx webpack --mode production` first;
// a development build (unhashed taskpane.js) is not measured.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT } from "../lib/measure.mjs";

const DIR = path.join(ROOT, "dist/taskpane");

export default {
  id: "taskpane",
  figures: ["taskpane gzip KB"],
  async run() {
    const html = path.join(DIR, "taskpane.html");
    if (!existsSync(html)) throw new Error("no task pane build: run npx webpack --mode production");
    const scripts = [...readFileSync(html, "utf8").matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi)]
      .map((m) => m[1])
      .filter((src) => !/^[a-z]+:\/\//i.test(src) && !src.startsWith("//"));
    if (scripts.length === 0) throw new Error("dist/taskpane/taskpane.html loads no scripts of its own");
    if (!scripts.every((src) => /\.[0-9a-f]{8,}\.js$/.test(src)))
      throw new Error("dist/taskpane holds a development build: run npx webpack --mode production");
    let bytes = 0;
    for (const src of scripts) {
      const file = path.join(DIR, src);
      if (!existsSync(file)) throw new Error(`dist/taskpane/${src} is missing: rebuild the task pane`);
      bytes += gzipSync(readFileSync(file), { level: 9 }).length;
    }
    return [{ name: "taskpane gzip KB", value: Number((bytes / 1024).toFixed(1)) }];
  },
};
