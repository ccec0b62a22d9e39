// The RichApi wire format the Office.js client speaks (as observed from
// @microsoft/office-js 1.1.110's excel-web-16.00.js; see engineering-notes.md).
// One context.sync() sends one request body {Actions, ObjectPaths}; the answer
// holds one result per action, in order, or an error.

export const ActionType = {
  Instantiate: 1,
  Query: 2,
  Method: 3,
  SetProperty: 4,
  Trace: 5,
  EnsureUnchanged: 6,
  RecursiveQuery: 7,
} as const;

export const ObjectPathType = {
  GlobalObject: 1,
  NewObject: 2,
  Method: 3,
  Property: 4,
  Indexer: 5,
  ReferenceId: 6,
  NullObject: 7,
} as const;

export interface ArgumentInfo {
  Arguments?: unknown[];
  /** Per argument: 0 for a plain value, else the object path id the argument refers to. */
  ReferencedObjectPathIds?: number[];
}

export interface QueryInfo {
  /** JavaScript (camelCase) names, nested with "/"; for a collection they apply to its items. */
  Select?: string[];
  Expand?: string[];
  Top?: number;
  Skip?: number;
}

export interface WireAction {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: QueryInfo;
}

export interface WireObjectPath {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

export interface RequestBody {
  AutoKeepReference?: boolean;
  Actions: WireAction[];
  ObjectPaths: Record<string, WireObjectPath>;
}

export interface ActionResult {
  ActionId: number;
  Value: unknown;
}

export interface BodyError {
  Code: string;
  Message: string;
  Location?: string;
  ActionIndex?: number;
  HttpStatusCode?: number;
}

export interface ResponseMessage {
  HttpStatusCode: number;
  /** Transport-level failure (payload limits), with Body null. */
  ErrorCode: string;
  ErrorMessage: string;
  Headers: Record<string, string> | null;
  Body: { Results?: ActionResult[]; Error?: BodyError } | null;
}

/** UTF-8 byte length of a string, computed by hand so it runs in browsers too. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
