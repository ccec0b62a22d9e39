// Temporary folders for a test file, removed when its tests end, so a run leaves
// nothing behind in the system temp folder. The afterAll below is registered
// when a test file first imports this module (jest gives each file its own).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const made: string[] = [];

/** A new empty folder named plan-monitor-<name>-XXXXXX in the system temp folder, removed after the file's tests. */
export function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `plan-monitor-${name}-`));
  made.push(dir);
  return dir;
}

/** Give back write permission (tests take it away to test refusals) so the folder can be removed. */
function writable(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    fs.chmodSync(full, entry.isDirectory() ? 0o700 : 0o600);
    if (entry.isDirectory()) writable(full);
  }
}

afterAll(() => {
  for (const dir of made.splice(0)) {
    try {
      fs.chmodSync(dir, 0o700);
      writable(dir);
    } catch {
      // Already gone or not ours to change: rmSync below says what matters.
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
