import type { Rag } from "../report";
import { excerpt } from "../text";
import type { ItemFinding } from "./finding";
import { RAG_NAME, shortDate } from "../vocabulary";

// Blue is named with what it means: an item reported blue claims to be complete.
const ragWord = (rag: Rag): string => (rag === "blue" ? `${RAG_NAME.blue} (complete)` : RAG_NAME[rag]);

// A status reporting green on an item with no date (grey) is not a mismatch worth a finding.
export const ragMismatch: ItemFinding = {
  code: "rag-mismatch",
  severity: "warning",
  heading: "Status disagrees with RAG",
  role: () => "status",
  check: ({ reported, rag }) => reported !== null && reported !== rag && !(reported === "green" && rag === "grey"),
  message: ({ status, reported, rag, asAt, due, late }) =>
    `The status says “${excerpt(status, 40)}” (${ragWord(reported!)}), but as at ${shortDate(asAt)} this action is ${ragWord(rag)}` +
    (late > 0 && due ? `: ${late} day${late === 1 ? "" : "s"} past its due date of ${shortDate(due)}.` : "."),
};
