# A second, independent reader for the round-trip tests: prints the values of one
# sheet of an .xlsx as openpyxl reads them, as JSON {"A1": value, ...}. Numbers in
# date-formatted cells are given as their serial number (openpyxl would turn them
# into datetimes, and cannot for serials beyond the year 9999).
import json
import sys
import warnings

warnings.simplefilter("ignore")

import openpyxl
from openpyxl.cell.text import Text
from openpyxl.reader import excel
from openpyxl.utils.escape import unescape
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse
from openpyxl.worksheet import _reader

# Read every number as a number: no conversion to dates.
_reader.from_excel = lambda value, *args, **kwargs: value


# openpyxl leaves OOXML's _xHHHH_ escapes in the text, except that it deletes every
# "x005F_" from shared strings (and not from inline strings). Read the stored text
# as it is, for both, and decode it once with openpyxl's own unescape below.
def read_string_table(xml_source):
    strings = []
    tag = "{%s}si" % SHEET_MAIN_NS
    for _, node in iterparse(xml_source):
        if node.tag == tag:
            strings.append(Text.from_tree(node).content)
            node.clear()
    return strings


excel.read_string_table = read_string_table

path, sheet = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(path)
ws = wb[sheet]
out = {}
for row in ws.iter_rows():
    for c in row:
        if c.value is not None:
            v = c.value
            out[c.coordinate] = unescape(v) if isinstance(v, str) else v if isinstance(v, (int, float, bool)) else str(v)
json.dump(out, sys.stdout)
