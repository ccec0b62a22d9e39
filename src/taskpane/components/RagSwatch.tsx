// A small square of a RAG fill: decoration beside a RAG word, never alone.
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { RAGS, type Rag } from "../../engine/report";
import { RAG_FILL } from "../../engine/writeback";

const useStyles = makeStyles({
  swatch: {
    display: "inline-block",
    width: "0.75em",
    height: "0.75em",
    flexShrink: 0,
    // A border keeps light fills visible on a light page, in dark mode and in black-and-white print.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralForeground1}`,
    borderRadius: tokens.borderRadiusSmall,
    printColorAdjust: "exact",
  },
});

const useFills = makeStyles(Object.fromEntries(RAGS.map((rag) => [rag, { backgroundColor: RAG_FILL[rag] }])) as Record<Rag, { backgroundColor: string }>);

export function RagSwatch({ rag }: { rag: Rag }) {
  const s = useStyles();
  const fills = useFills();
  return <span aria-hidden="true" className={mergeClasses(s.swatch, fills[rag])} data-rag={rag} />;
}
