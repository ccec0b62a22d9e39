// Run the REAL Office.js Excel client (excel-web-16.00.js from @microsoft/office-js,
// loaded on its own) against the simulated Excel, in a jsdom window or a browser
// page. The client script is passed in as text: this module never bundles or
// reads Microsoft's files itself (tests read it from node_modules; a demo page
// would fetch it from Microsoft's CDN).
//
// How: OfficeExtension.SessionBase._overrideSession is a private hook of the
// client; when set, every context.sync() asks that session for a request executor
// and sends it one JSON request. The hook is why @microsoft/office-js is pinned
// exactly; test/excel-sim/runtime.test.ts fails loudly if it stops working.
import { ExcelSimBackend } from "./backend";
import { WorkbookModel } from "./model";

/** The globals the client script defines on a window. */
export interface OfficeWindow {
  eval(code: string): unknown;
  JSON: JSON;
  Promise: PromiseConstructor;
  Excel?: unknown;
  OfficeExtension?: unknown;
  Office?: unknown;
}


export interface OfficeRuntime {
  readonly Excel: typeof Excel;
  readonly OfficeExtension: typeof OfficeExtension;
  /** The backend requests go to now. */
  backend: ExcelSimBackend;
  /** Answer from another backend (another workbook) from now on. */
  bind(backend: ExcelSimBackend): void;
  /** Office.context.requirements.isSetSupported as the shim answers it (from the backend's ExcelApi version). */
  isSetSupported(name: string, version?: string): boolean;
}

interface OfficeExtensionInternals {
  SessionBase: { new (): Record<string, unknown>; _overrideSession?: unknown };
}


const installed = new WeakMap<object, OfficeRuntime>();

/**
 * Install (once per window) the Excel client bound to a backend (or to a model,
 * through a new backend with the default limits). Later calls for the same
 * window rebind it and return the same runtime.
 */
export function installOfficeRuntime(
  win: OfficeWindow,
  clientScript: string | null,
  target: ExcelSimBackend | WorkbookModel,
): OfficeRuntime {
  const backend = target instanceof WorkbookModel ? new ExcelSimBackend(target) : target;
  const existing = installed.get(win);
  if (existing) {
    existing.bind(backend);
    return existing;
  }
  if (!win.OfficeExtension || !win.Excel) {
    if (!clientScript) throw new Error("The Office.js Excel client script is not loaded and no script text was given.");
    win.eval(clientScript);
  }
  const OE = win.OfficeExtension as unknown as OfficeExtensionInternals & typeof OfficeExtension;
  if (!OE?.SessionBase || !("_overrideSession" in OE.SessionBase || typeof OE.SessionBase === "function"))
    throw new Error("This Office.js client has no OfficeExtension.SessionBase: the in-process Excel cannot be attached.");

  const state = { backend };
  const isSetSupported = (name: string, version?: string): boolean => state.backend.isSetSupported(name, version);

  const session = new OE.SessionBase();
  session._resolveRequestUrlAndHeaderInfo = () => win.Promise.resolve({ url: "http://document.localhost/", headers: {} });
  session._createRequestExecutorOrNull = () => ({
    executeAsync: (_customData: unknown, _flags: number, message: { Body: unknown }) =>
      new win.Promise((resolve, reject) => {
        try {
          // The wire: JSON text both ways, parsed in the window's realm.
          const responseText = state.backend.answer(JSON.stringify(message.Body));
          // null: the backend's hang hook keeps this request unanswered (the promise never settles).
          if (responseText !== null) resolve(win.JSON.parse(responseText));
        } catch (e) {
          reject(e);
        }
      }),
  });
  OE.SessionBase._overrideSession = session;

  // Office.context.requirements, which Excel on a real host provides.
  // Outside Office the client's Office.context is a fixed getter that yields
  // undefined; put an object in front of Office that answers it instead.
  const office = (win.Office ?? (win.Office = {})) as { context?: { requirements?: unknown } };
  const context = { requirements: { isSetSupported } };
  if (office.context) office.context.requirements = context.requirements;
  else win.Office = Object.create(office, { context: { value: context, writable: true, configurable: true } });

  const runtime: OfficeRuntime = {
    Excel: win.Excel as typeof Excel,
    OfficeExtension: win.OfficeExtension as typeof OfficeExtension,
    get backend() {
      return state.backend;
    },
    set backend(b: ExcelSimBackend) {
      state.backend = b;
    },
    bind(b: ExcelSimBackend) {
      state.backend = b;
      OE.SessionBase._overrideSession = session;
    },
    isSetSupported,
  };
  installed.set(win, runtime);
  return runtime;
}

/** Whether the client still routes requests through _overrideSession (for the smoke test). */
export function overrideSessionHookPresent(win: OfficeWindow): boolean {
  const OE = win.OfficeExtension as unknown as OfficeExtensionInternals | undefined;
  return Boolean(OE?.SessionBase && OE.SessionBase._overrideSession);
}
