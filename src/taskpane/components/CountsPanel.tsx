// RAG counts per theme and per owner, as compact tables: RAG words with
// swatches in the headings so they read in black and white too.
import { makeStyles, mergeClasses, tokens, typographyStyles } from "@fluentui/react-components";
import { useId } from "react";
import { countByOwner, countByTheme, totalCounts, type CountRow } from "../../engine/counts";
import { HEALTH_FILL, HEALTH_LABEL, HEALTHS, healthRule, planHealth, type Health, type HealthThresholds } from "../../engine/health";
import { RAGS, type PlanReport, type SheetReport } from "../../engine/report";
import { RAG_LABEL } from "../../engine/writeback";
import { ragWord } from "../messages";
import { RagSwatch } from "./RagSwatch";
import { useShared } from "./styles";

const useStyles = makeStyles({
  legend: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    ...typographyStyles.caption1,
  },
  legendItem: { display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  table: {
    width: "100%",
    tableLayout: "fixed",
    borderCollapse: "collapse",
    ...typographyStyles.caption1,
    "& th, & td": {
      paddingBlock: tokens.spacingVerticalXXS,
      paddingInline: "2px",
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: "top",
    },
    "& thead th": { verticalAlign: "bottom" },
    "& tfoot th, & tfoot td": { ...typographyStyles.caption1Strong, borderBottom: "none", borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` },
  },
  caption: { ...typographyStyles.body1Strong, textAlign: "start", paddingBottom: tokens.spacingVerticalXS },
  labelCol: { width: "auto", textAlign: "start", overflowWrap: "anywhere", fontWeight: tokens.fontWeightRegular },
  // Narrow number columns, headings written upwards: the label column keeps about 120 px at 320 px.
  numCol: { width: "28px", textAlign: "end", fontVariantNumeric: "tabular-nums" },
  ragHead: {
    display: "inline-flex",
    alignItems: "center",
    columnGap: "3px",
    writingMode: "vertical-rl",
    transform: "rotate(180deg)",
    whiteSpace: "nowrap",
    ...typographyStyles.caption2Strong,
  },
  zero: { color: tokens.colorNeutralForeground3 },
  healthCol: { width: "52px", textAlign: "center" },
  health: { display: "inline-block", paddingInline: "2px", borderRadius: tokens.borderRadiusSmall, color: "#000000", printColorAdjust: "exact" },
});

/** `health`: the settings' thresholds; with them the theme table gets a Health column (On track / At risk / Off track). */
// Classes, not inline styles: the pane's content security policy allows no inline style.
const useHealthFills = makeStyles(Object.fromEntries(HEALTHS.map((h) => [h, { backgroundColor: HEALTH_FILL[h] }])) as Record<Health, { backgroundColor: string }>);

export function CountsPanel({ report, health }: { report: PlanReport; health?: HealthThresholds }) {
  const shared = useShared();
  const s = useStyles();
  const headingId = useId();
  const sheets = report.sheets.filter((sh) => sh.items.length > 0);
  return (
    <section className={shared.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={shared.h2}>
        RAG counts
      </h2>
      <ul className={s.legend} aria-label="What the colours mean">
        {RAGS.map((rag) => (
          <li key={rag} className={s.legendItem}>
            <RagSwatch rag={rag} />
            {RAG_LABEL[rag]}
          </li>
        ))}
      </ul>
      {sheets.length === 0 && <p className={shared.para}>No actions to count.</p>}
      {sheets.map((sheet) => (
        <SheetCounts key={sheet.name} sheet={sheet} showName={sheets.length > 1} health={health} />
      ))}
    </section>
  );
}

function SheetCounts({ sheet, showName, health }: { sheet: SheetReport; showName: boolean; health?: HealthThresholds }) {
  const shared = useShared();
  const total = totalCounts(sheet.items);
  const tables = (
    <>
      <CountTable caption="By theme" what="Theme" rows={countByTheme(sheet.items)} total={total} health={health} />
      <CountTable caption="By owner" what="Owner" rows={countByOwner(sheet.items)} total={total} />
    </>
  );
  if (!showName) return tables;
  return (
    <article className={shared.section} aria-label={`RAG counts for ${sheet.name}`}>
      <h3 className={shared.h3}>{sheet.name}</h3>
      {tables}
    </article>
  );
}

function CountTable({ caption, what, rows, total, health }: { caption: string; what: string; rows: CountRow[]; total: CountRow; health?: HealthThresholds }) {
  const s = useStyles();
  const fills = useHealthFills();
  const healthCell = (row: CountRow) => {
    if (!health) return null;
    const h = planHealth(row.counts, health);
    return (
      <td className={s.healthCol} data-health={h}>
        <span className={mergeClasses(s.health, fills[h])}>
          {HEALTH_LABEL[h]}
        </span>
      </td>
    );
  };
  const cell = (n: number, key?: string) => (
    <td key={key} className={n ? s.numCol : mergeClasses(s.numCol, s.zero)}>
      {n}
    </td>
  );
  return (
    <table className={s.table}>
      <caption className={s.caption}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className={s.labelCol}>
            {what}
          </th>
          {RAGS.map((rag) => (
            <th key={rag} scope="col" className={s.numCol} title={RAG_LABEL[rag]}>
              <span className={s.ragHead}>
                <RagSwatch rag={rag} />
                {ragWord(rag)}
              </span>
            </th>
          ))}
          <th scope="col" className={s.numCol}>
            <span className={s.ragHead}>All</span>
          </th>
          {health && (
            <th scope="col" className={s.healthCol} title={healthRule(health)}>
              Health
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row" className={s.labelCol}>
              {r.label}
            </th>
            {RAGS.map((rag) => cell(r.counts[rag], rag))}
            {cell(r.counts.total)}
            {healthCell(r)}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" className={s.labelCol}>
            Total
          </th>
          {RAGS.map((rag) => cell(total.counts[rag], rag))}
          {cell(total.counts.total)}
          {healthCell(total)}
        </tr>
      </tfoot>
    </table>
  );
}
