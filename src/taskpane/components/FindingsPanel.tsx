// Findings, grouped by sheet and kind, counts first; each one a button that
// selects its cell in Excel.
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Link, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { useId } from "react";
import type { Finding, FindingCode, PlanReport, SheetReport } from "../../engine/report";
import { FINDING_WORDS, plural, SEVERITY_WORDS } from "../messages";
import { useShared } from "./styles";

const useStyles = makeStyles({
  sheetName: { overflowWrap: "anywhere" },
  finding: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    textAlign: "start",
    width: "100%",
    paddingBlock: tokens.spacingVerticalXS,
    overflowWrap: "anywhere",
  },
  address: { ...typographyStyles.body1Strong },
  message: { ...typographyStyles.body1, color: tokens.colorNeutralForeground1 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  accordionHeader: { margin: 0 },
});

/** A finding with what it is about: its sheet and, for item findings, the item's ref. */
export interface PlacedFinding {
  finding: Finding;
  ref: string;
}

export interface FindingGroup {
  code: FindingCode;
  severity: Finding["severity"];
  findings: PlacedFinding[];
}

const SEVERITY_ORDER: Record<Finding["severity"], number> = { error: 0, warning: 1, info: 2 };

/** A sheet's findings by kind: most serious kind first, then the most frequent; findings in sheet order. */
export function groupFindings(sheet: SheetReport): FindingGroup[] {
  const placed: PlacedFinding[] = [
    ...sheet.findings.map((finding) => ({ finding, ref: "" })),
    ...sheet.items.flatMap((it) => it.findings.map((finding) => ({ finding, ref: it.ref }))),
  ];
  const groups = new Map<FindingCode, FindingGroup>();
  for (const p of placed) {
    let g = groups.get(p.finding.code);
    if (!g) groups.set(p.finding.code, (g = { code: p.finding.code, severity: p.finding.severity, findings: [] }));
    if (SEVERITY_ORDER[p.finding.severity] < SEVERITY_ORDER[g.severity]) g.severity = p.finding.severity;
    g.findings.push(p);
  }
  for (const g of groups.values()) g.findings.sort((a, b) => a.finding.row - b.finding.row || a.finding.column.localeCompare(b.finding.column));
  return [...groups.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.findings.length - a.findings.length);
}


export interface FindingsPanelProps {
  report: PlanReport;
  onSelect(sheet: string, address: string): void;
}

export function FindingsPanel({ report, onSelect }: FindingsPanelProps) {
  const shared = useShared();
  const headingId = useId();
  const sheets = report.sheets.map((sheet) => ({ sheet, groups: groupFindings(sheet) }));
  const total = sheets.reduce((n, s) => n + s.groups.reduce((m, g) => m + g.findings.length, 0), 0);
  return (
    <section className={shared.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={shared.h2}>
        Things to look at ({total})
      </h2>
      {total === 0 ? (
        <p className={shared.para}>Nothing to look at: every action has what Plan Monitor checks for.</p>
      ) : (
        <p className={shared.hint}>Open a kind to see where. Choosing an entry selects its cell in the workbook.</p>
      )}
      {sheets
        .filter((s) => s.groups.length > 0)
        .map(({ sheet, groups }) => (
          <SheetFindings key={sheet.name} sheet={sheet.name} groups={groups} onSelect={onSelect} />
        ))}
    </section>
  );
}

function SheetFindings({ sheet, groups, onSelect }: { sheet: string; groups: FindingGroup[]; onSelect: FindingsPanelProps["onSelect"] }) {
  const shared = useShared();
  const s = useStyles();
  const headingId = useId();
  const count = groups.reduce((n, g) => n + g.findings.length, 0);
  return (
    <article className={shared.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={`${shared.h3} ${s.sheetName}`}>
        {sheet} ({count})
      </h3>
      <Accordion multiple collapsible>
        {groups.map((g) => (
          <AccordionItem key={g.code} value={g.code}>
            <AccordionHeader as="h4" className={s.accordionHeader} expandIconPosition="start">
              {FINDING_WORDS[g.code]} ({g.findings.length})<span className={shared.visuallyHidden}>, {SEVERITY_WORDS[g.severity]}</span>
            </AccordionHeader>
            <AccordionPanel>
              <ul className={s.list} aria-label={`${FINDING_WORDS[g.code]}: ${plural(g.findings.length, "cell")}`}>
                {g.findings.map(({ finding, ref }) => {
                  const address = `${finding.column}${finding.row}`;
                  return (
                    <li key={`${address}:${finding.message}`}>
                      <Link as="button" className={s.finding} onClick={() => onSelect(sheet, address)} data-address={address}>
                        <span className={s.address}>
                          Cell {address}
                          {ref ? ` · ref ${ref}` : ""}
                        </span>
                        <span className={s.message}>{finding.message}</span>
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </article>
  );
}
