import type { Rag } from "../report";
import { excerpt } from "../text";
import type { ItemFinding } from "./finding";
import { readableDate } from "./readable";

const RAG_WORD: Record<Rag, string> = { blue: "Blue (complete)", green: "Green", amber: "Amber", red: "Red", grey: "Grey" };

// A status reporting green on an item with no date (grey) is not a mismatch worth a finding.
export const ragMismatch: ItemFinding = {
  code: "rag-mismatch",
  severity: "warning",
  role: () => "status",
  check: ({ reported, rag }) => reported !== null && reported !== rag && !(reported === "green" && rag === "grey"),
  message: ({ status, reported, rag, asAt, due, late }) =>
    `The status says “${excerpt(status, 40)}” (${RAG_WORD[reported!]}), but as at ${readableDate(asAt)} this action is ${RAG_WORD[rag]}` +
    (late > 0 && due ? `: ${late} day${late === 1 ? "" : "s"} past its due date of ${readableDate(due)}.` : "."),
};
