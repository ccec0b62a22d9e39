// The Excel object model the simulated Excel answers, member by member, under
// the wire (PascalCase) names the real Office.js client sends. Exactly what the
// Office host uses is modelled, plus a few cheap neighbours; every other member
// answers ApiNotFound so a test fails the day code starts to rely on it.
//
// Simplifications to keep in mind: getMergedAreasOrNullObject returns the merged
// areas that intersect the range, whole (Excel documents only "the merged areas
// in this range"); conditional-format ids are stable for the life of the model
// (Excel does not promise that across reopening); clear() drops only the rules
// lying wholly inside the cleared cells; format getters over huge ranges look at
// existing cells only; a protected sheet refuses every write (cell locking is not
// modelled); values typed as text are converted like Excel does for numbers,
// percentages, TRUE/FALSE and "=" formulas, but not for dates.
import type { TypeDef } from "./typeDef";
import { Range, RangeAreas, RangeCollection } from "./range";
import { RangeBorder, RangeBorderCollection, RangeFill, RangeFont, RangeFormat } from "./rangeFormat";
import {
  ConditionalFormat,
  ConditionalFormatCollection,
  ConditionalFormatRule,
  ConditionalRangeFill,
  ConditionalRangeFont,
  ConditionalRangeFormat,
  CustomConditionalFormat,
} from "./conditionalFormat";
import { Worksheet, WorksheetCollection, WorksheetFreezePanes, WorksheetProtection } from "./worksheet";
import { HeaderFooter, HeaderFooterGroup, PageLayout } from "./pageLayout";
import { Workbook } from "./workbook";
import { Setting, SettingCollection } from "./setting";
import { NamedItem, NamedItemCollection } from "./namedItem";
import { Table, TableCollection } from "./table";
import { Chart, ChartCollection, ChartFill, ChartSeries, ChartSeriesCollection, ChartSeriesFormat, ChartTitle } from "./chart";

export { SimError, apiNotFound } from "./errors";
export { seriesCount } from "./chart";
export type { Ctx, Handle, SimOptions, TypeDef } from "./typeDef";

/** Every modelled type, by Office.js class name. */
export const TYPES: Readonly<Record<string, TypeDef>> = {
  ...{ Range, RangeAreas, RangeCollection, RangeFormat, RangeFill, RangeFont, RangeBorderCollection, RangeBorder },
  ...{ ConditionalFormatCollection, ConditionalFormat, CustomConditionalFormat, ConditionalFormatRule, ConditionalRangeFormat, ConditionalRangeFill, ConditionalRangeFont },
  ...{ WorksheetCollection, Worksheet, WorksheetProtection, WorksheetFreezePanes, PageLayout, HeaderFooterGroup, HeaderFooter },
  ...{ Workbook, SettingCollection, Setting, NamedItemCollection, NamedItem, TableCollection, Table },
  ...{ ChartCollection, Chart, ChartTitle, ChartSeriesCollection, ChartSeries, ChartSeriesFormat, ChartFill },
};
