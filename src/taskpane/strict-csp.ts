// Imported first by the task pane's entry points. Zod compiles fast parsers with
// `new Function` when it can; under our Content-Security-Policy (no eval) that
// probe is refused and the browser logs a CSP violation. Jitless mode skips it.
import { z } from "zod";

z.config({ jitless: true });
