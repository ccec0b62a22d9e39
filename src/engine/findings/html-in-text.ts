import { cellText } from "../grid";
import { hasHtml } from "../text";
import type { CellFinding } from "./finding";

export const htmlInText: CellFinding = {
  code: "html-in-text",
  severity: "warning",
  heading: "Web page tags in text",
  check: (cell) => hasHtml(cellText(cell)),
  message: () =>
    "This text has HTML tags in it (such as <p> or <div>), left from pasting a web page or Word document. Remove them so the text reads cleanly.",
};
