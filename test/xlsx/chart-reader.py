# A second, independent reader of the charts Plan Monitor writes: openpyxl
# loads each file, and for every chart it keeps (ws._charts) this prints the
# chart's kind, title, and each series' references and cached values, with the
# values of the cells those references point at, as JSON on stdout.
#   python3 chart-reader.py FILE.xlsx [FILE.xlsx ...]
import json
import sys

import openpyxl
from openpyxl.utils.cell import range_boundaries


def split_ref(ref):
    sheet, cells = ref.rsplit("!", 1)
    if sheet.startswith("'") and sheet.endswith("'"):
        sheet = sheet[1:-1].replace("''", "'")
    return sheet, cells.replace("$", "")


def cells_of(wb, ref):
    sheet, cells = split_ref(ref)
    ws = wb[sheet]
    min_col, min_row, max_col, max_row = range_boundaries(cells)
    return sheet, [ws.cell(row=r, column=c).value for r in range(min_row, max_row + 1) for c in range(min_col, max_col + 1)]


def cache(pts):
    return [p.v for p in sorted(pts, key=lambda p: p.idx)]


def title_text(chart):
    try:
        return "".join(r.t for p in chart.title.tx.rich.p for r in (p.r or []))
    except AttributeError:
        return None


def read(path):
    wb = openpyxl.load_workbook(path)
    sheets = {}
    for ws in wb.worksheets:
        charts = []
        for chart in ws._charts:
            series = []
            for s in chart.series:
                name_ref = s.tx.strRef.f
                cat_ref = s.cat.strRef.f
                val_ref = s.val.numRef.f
                colour = None
                sp = s.graphicalProperties
                if sp is not None:
                    fill = sp.solidFill if sp.solidFill is not None else (sp.line.solidFill if sp.line is not None else None)
                    rgb = fill.srgbClr if fill is not None else None
                    colour = getattr(rgb, "val", rgb)
                series.append(
                    {
                        "nameRef": name_ref,
                        "nameCache": cache(s.tx.strRef.strCache.pt),
                        "nameCells": cells_of(wb, name_ref)[1],
                        "catRef": cat_ref,
                        "catCache": cache(s.cat.strRef.strCache.pt),
                        "catSheet": cells_of(wb, cat_ref)[0],
                        "catCells": cells_of(wb, cat_ref)[1],
                        "valRef": val_ref,
                        "valCache": [float(v) for v in cache(s.val.numRef.numCache.pt)],
                        "valCells": cells_of(wb, val_ref)[1],
                        "colour": colour,
                    }
                )
            charts.append({"type": type(chart).__name__, "grouping": getattr(chart, "grouping", None), "title": title_text(chart), "series": series})
        sheets[ws.title] = charts
    return sheets


print(json.dumps({path: read(path) for path in sys.argv[1:]}, default=str))
