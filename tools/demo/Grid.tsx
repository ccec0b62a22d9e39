// A plain, read-only view of the simulated workbook: sheet tabs, column letters and
// row numbers, each cell's displayed text and the fill a viewer would see (Plan
// Monitor's conditional-format colours included), merged cells, and Excel's current
// selection. It reads the WorkbookModel directly; the task pane only ever changes
// the workbook through Office.js.
import { useLayoutEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent } from "react";
import { columnName, formatArea, type Area } from "../excel-sim/address";
import { STANDARD_WIDTH_POINTS, type SheetModel, type WorkbookModel } from "../excel-sim/model";

/** At most this many rows and columns are drawn; a window around the selection when a sheet is bigger. */
export const MAX_GRID_ROWS = 600;
export const MAX_GRID_COLUMNS = 60;
/** Empty rows and columns drawn past the used range, as Excel shows empty cells there. */
const PAD_ROWS = 5;
const PAD_COLUMNS = 2;
/** Column widths are drawn at most this wide (pixels), so one wide column does not push the rest away. */
const MAX_COLUMN_PX = 420;

const pointsToPx = (points: number): number => Math.round((points * 4) / 3);
const inArea = (a: Area, r: number, c: number): boolean => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right;

export interface SheetLayout {
  rows: number[];
  firstColumn: number;
  lastColumn: number;
  /** Words for the user when only part of the sheet is drawn. */
  note: string | null;
}

/** Which rows and columns of a sheet to draw, keeping the selection in. */
export function layoutSheet(sheet: SheetModel, selection: Area): SheetLayout {
  const used = sheet.usedArea(false);
  const dataRows = Math.max(used ? used.bottom : 0, selection.bottom) + 1;
  const lastRow = dataRows - 1 + PAD_ROWS;
  const lastCol = Math.max(used ? used.right : 0, selection.right) + PAD_COLUMNS;
  const window = (last: number, max: number, at: number): [number, number] => {
    if (last + 1 <= max) return [0, last];
    const start = Math.max(0, Math.min(at - Math.floor(max / 2), last + 1 - max));
    return [start, start + max - 1];
  };
  const [r0, r1] = window(lastRow, MAX_GRID_ROWS, selection.top);
  const [c0, c1] = window(lastCol, MAX_GRID_COLUMNS, selection.left);
  const rows: number[] = [];
  for (let r = r0; r <= r1; r++) if (!sheet.hiddenRows.has(r) || (r >= selection.top && r <= selection.bottom)) rows.push(r);
  const parts: string[] = [];
  if (r0 > 0 || r1 < lastRow) parts.push(`rows ${r0 + 1} to ${Math.min(r1 + 1, dataRows)} of ${dataRows}`);
  if (c0 > 0 || c1 < lastCol) parts.push(`columns ${columnName(c0)} to ${columnName(c1)}`);
  return { rows, firstColumn: c0, lastColumn: c1, note: parts.length ? `Showing ${parts.join(", ")} (around the selection).` : null };
}

interface CellView {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** The cell whose value and format show (the top-left of a merge). */
  source: [number, number];
  area: Area;
}

/** The cells to draw in each drawn row: merged areas as one cell at their first drawn row and column. */
function cellViews(sheet: SheetModel, layout: SheetLayout): CellView[][] {
  const { rows, firstColumn: c0, lastColumn: c1 } = layout;
  if (rows.length === 0) return [];
  const win: Area = { top: rows[0], bottom: rows[rows.length - 1], left: c0, right: c1 };
  const anchors = new Map<string, CellView>();
  const covered = new Set<string>();
  for (const m of sheet.mergesIntersecting(win)) {
    const drawn = rows.filter((r) => r >= m.top && r <= m.bottom);
    if (drawn.length === 0) continue;
    const left = Math.max(m.left, c0);
    const right = Math.min(m.right, c1);
    const view: CellView = { row: drawn[0], col: left, rowSpan: drawn.length, colSpan: right - left + 1, source: [m.top, m.left], area: m };
    anchors.set(`${drawn[0]}:${left}`, view);
    for (const r of drawn) for (let c = left; c <= right; c++) if (r !== drawn[0] || c !== left) covered.add(`${r}:${c}`);
  }
  return rows.map((r) => {
    const out: CellView[] = [];
    for (let c = c0; c <= c1; c++) {
      const key = `${r}:${c}`;
      if (covered.has(key)) continue;
      out.push(anchors.get(key) ?? { row: r, col: c, rowSpan: 1, colSpan: 1, source: [r, c], area: { top: r, bottom: r, left: c, right: c } });
    }
    return out;
  });
}

function cellStyle(sheet: SheetModel, row: number, col: number): { style: CSSProperties; fill: string | null; className: string } {
  const cell = sheet.getCell(row, col);
  const fill = sheet.effectiveFill(row, col);
  const style: CSSProperties = {};
  const classes: string[] = [];
  if (fill) style.backgroundColor = fill;
  const font = cell?.font;
  if (font?.bold) style.fontWeight = 700;
  if (font?.italic) style.fontStyle = "italic";
  if (font?.color) style.color = font.color;
  if (font?.underline && font.underline !== "None") style.textDecoration = "underline";
  const h = cell?.horizontal;
  if (h === "Center" || h === "CenterAcrossSelection") style.textAlign = "center";
  else if (h === "Right") style.textAlign = "right";
  else if (h === "Left") style.textAlign = "left";
  else if (typeof cell?.value === "number") style.textAlign = "right";
  if (cell?.wrap) classes.push("wrap");
  if (cell?.hyperlink) classes.push("link");
  return { style, fill, className: classes.join(" ") };
}

export interface GridProps {
  model: WorkbookModel;
  /** Changes whenever the workbook may look different. */
  version: number;
  /** The user chose a sheet tab. */
  onActivate(sheet: SheetModel): void;
  /** The user clicked a cell. */
  onSelect(sheet: SheetModel, area: Area): void;
}

export function WorkbookGrid({ model, version, onActivate, onSelect }: GridProps) {
  const sheets = model.sheets.filter((s) => s.visibility === "Visible");
  const active = model.activeSheet();
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const scroller = useRef<HTMLDivElement>(null);
  const selection = active ? model.selectionOf(active) : null;
  const selectionKey = active && selection ? `${active.id}!${formatArea(selection)}` : "";

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const next = e.key === "ArrowRight" ? index + 1 : e.key === "ArrowLeft" ? index - 1 : e.key === "Home" ? 0 : e.key === "End" ? sheets.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const sheet = sheets[(next + sheets.length) % sheets.length];
    onActivate(sheet);
    tabRefs.current.get(sheet.id)?.focus();
  };

  // Bring the selected cell into view inside the grid (never scrolling the page itself).
  useLayoutEffect(() => {
    const box = scroller.current;
    const cell = box?.querySelector<HTMLElement>("td[data-active-cell]");
    if (!box || !cell) return;
    const b = box.getBoundingClientRect();
    const c = cell.getBoundingClientRect();
    const head = box.querySelector("thead")?.getBoundingClientRect().height ?? 0;
    const rowHead = box.querySelector("tbody th")?.getBoundingClientRect().width ?? 0;
    if (c.top < b.top + head || c.bottom > b.bottom) box.scrollTop += c.top - b.top - head - Math.max(0, (b.height - head - c.height) / 2);
    if (c.left < b.left + rowHead) box.scrollLeft += c.left - b.left - rowHead - 8;
    else if (c.right > b.right) box.scrollLeft += Math.min(c.right - b.right + 8, c.left - b.left - rowHead - 8);
  }, [model, selectionKey]);

  // The model changes in place: version (and the selection) say when to lay the sheet out again.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- selectionKey stands for selection (a new object each render)
  const layout = useMemo(() => (active && selection ? layoutSheet(active, selection) : null), [active, selectionKey, version]);

  if (!active || !selection) return <p className="grid-empty">This workbook has no visible sheet.</p>;
  const panelId = `sheet-panel`;
  return (
    <div className="workbook">
      <FormulaBar sheet={active} selection={selection} />
      {layout?.note && <p className="grid-note">{layout.note}</p>}
      <div className="grid-scroll" ref={scroller} role="tabpanel" id={panelId} aria-labelledby={`tab-${active.id}`} tabIndex={0}>
        {layout && <SheetTable sheet={active} selection={selection} layout={layout} onSelect={onSelect} />}
      </div>
      <div className="sheet-tabs" role="tablist" aria-label="Sheets">
        {sheets.map((s, i) => (
          <button
            key={s.id}
            ref={(el) => {
              if (el) tabRefs.current.set(s.id, el);
              else tabRefs.current.delete(s.id);
            }}
            type="button"
            role="tab"
            id={`tab-${s.id}`}
            aria-selected={s === active}
            aria-controls={s === active ? panelId : undefined}
            tabIndex={s === active ? 0 : -1}
            className="sheet-tab"
            onClick={() => onActivate(s)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {s.name}
          </button>
        ))}
      </div>
    </div>
  );
}

function FormulaBar({ sheet, selection }: { sheet: SheetModel; selection: Area }) {
  const cell = sheet.getCell(selection.top, selection.left);
  const content = cell?.formula ?? sheet.textAt(selection.top, selection.left);
  return (
    <div className="formula-bar">
      <span className="name-box">
        <span className="visually-hidden">Selected: </span>
        <span id="demo-selection" data-sheet={sheet.name}>
          {formatArea(selection)}
        </span>
      </span>
      <span className="formula-content">
        <span className="visually-hidden">, containing: </span>
        {content}
      </span>
    </div>
  );
}

interface SheetTableProps {
  sheet: SheetModel;
  selection: Area;
  layout: SheetLayout;
  onSelect(sheet: SheetModel, area: Area): void;
}

function SheetTable({ sheet, selection, layout, onSelect }: SheetTableProps) {
  const views = useMemo(() => cellViews(sheet, layout), [sheet, layout]);
  const columns: number[] = [];
  for (let c = layout.firstColumn; c <= layout.lastColumn; c++) columns.push(c);
  const widths = columns.map((c) => Math.min(MAX_COLUMN_PX, pointsToPx(sheet.columnWidths.get(c) ?? STANDARD_WIDTH_POINTS)));
  const rowHeadPx = 48;
  const tableWidth = rowHeadPx + widths.reduce((a, b) => a + b, 0);

  return (
    <>
      <table className="grid" role="grid" aria-readonly="true" aria-label={`Sheet ${sheet.name}`} style={{ width: tableWidth }}>
        <colgroup>
          <col style={{ width: rowHeadPx }} />
          {widths.map((w, i) => (
            <col key={columns[i]} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <td className="corner" aria-hidden="true" />
            {columns.map((c) => (
              <th key={c} scope="col" className={c >= selection.left && c <= selection.right ? "hl" : undefined}>
                {columnName(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {layout.rows.map((r, i) => (
            <tr key={r}>
              <th scope="row" className={r >= selection.top && r <= selection.bottom ? "hl" : undefined}>
                {r + 1}
              </th>
              {views[i].map((v) => {
                const [sr, sc] = v.source;
                const { style, fill, className } = cellStyle(sheet, sr, sc);
                const selected = inArea(selection, v.row, v.col) || inArea(v.area, selection.top, selection.left);
                const activeCell = inArea(v.area, selection.top, selection.left);
                const address = `${columnName(v.col)}${v.row + 1}`;
                return (
                  <td
                    key={v.col}
                    rowSpan={v.rowSpan > 1 ? v.rowSpan : undefined}
                    colSpan={v.colSpan > 1 ? v.colSpan : undefined}
                    style={style}
                    className={[className, selected ? "selected" : "", activeCell ? "active-cell" : ""].filter(Boolean).join(" ") || undefined}
                    aria-selected={selected}
                    data-address={address}
                    data-fill={fill ?? ""}
                    data-active-cell={activeCell ? "" : undefined}
                    onMouseDown={() => onSelect(sheet, v.area)}
                  >
                    {sheet.textAt(sr, sc)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
