// The task pane: check the workbook, see what was found, act on it.
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
  typographyStyles,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { useId } from "react";
import type { TaskpaneBackend, TaskpaneOperations } from "../backend";
import { useThemeName, type ThemeChoice } from "../theme";
import { useWorkbookCheck } from "../useWorkbookCheck";
import { STALE_TEXT, staleTitle } from "../messages";
import { ActionsBar } from "./ActionsBar";
import { CountsPanel } from "./CountsPanel";
import { FindingsPanel } from "./FindingsPanel";
import { SettingsPanel } from "./SettingsPanel";
import { SheetsPanel } from "./SheetsPanel";
import { useShared, useStaticStyles } from "./styles";

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  main: {
    boxSizing: "border-box",
    width: "100%",
    maxWidth: "40rem",
    marginInline: "auto",
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXL,
    overflowWrap: "anywhere",
    minWidth: 0,
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  h1: { ...typographyStyles.subtitle1, margin: 0 },
  messages: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export interface AppProps {
  backend: TaskpaneBackend;
  /** Follow Office/system ("auto", the default) or force a theme (demo page). */
  theme?: ThemeChoice;
  /** As-at date to start with (default today). */
  asAt?: string;
  /** Operations instead of the backend's defaults. */
  operations?: TaskpaneOperations;
}

export function App({ backend, theme = "auto", asAt, operations }: AppProps) {
  useStaticStyles();
  const themeName = useThemeName(theme);
  const s = useStyles();
  return (
    <FluentProvider theme={themeName === "dark" ? webDarkTheme : webLightTheme} className={s.provider} data-theme={themeName}>
      <TaskPane backend={backend} asAt={asAt} operations={operations} />
    </FluentProvider>
  );
}

function TaskPane({ backend, asAt, operations }: Omit<AppProps, "theme">) {
  const s = useStyles();
  const shared = useShared();
  const pane = useWorkbookCheck(backend, { asAt, operations });
  const titleId = useId();
  const { state } = pane;
  const busy = state.busy !== null;
  const report = state.report;

  return (
    <main className={s.main} aria-labelledby={titleId}>
      <header className={s.header}>
        <h1 id={titleId} className={s.h1}>
          Plan Monitor
        </h1>
        <p className={shared.hint}>Checks the action plan in this workbook and rates each action Blue, Green, Amber, Red or Grey.</p>
      </header>

      <ActionsBar
        asAt={state.asAt}
        onAsAt={pane.setAsAt}
        busy={state.busy}
        status={state.status}
        quietStatus={state.notice !== null || state.problem !== null}
        hasReport={report !== null}
        undo={pane.capabilities.undo}
        onCheck={pane.check}
        onColour={pane.colour}
        onClear={pane.clear}
        onSummaries={pane.buildSummaries}
      />

      {(state.problem || state.notice || (pane.stale && !busy)) && (
        <div className={s.messages}>
          {state.problem && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{state.problem.title}</MessageBarTitle>
                {state.problem.text}
              </MessageBarBody>
              <MessageBarActions>
                {state.problem.retry && (
                  <Button disabledFocusable={busy} onClick={pane.retry}>
                    Try again
                  </Button>
                )}
                <Button onClick={pane.dismissProblem}>Dismiss</Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {state.notice && (
            <MessageBar intent={state.notice.intent} layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{state.notice.title}</MessageBarTitle>
                {state.notice.text}
                {state.notice.lines && state.notice.lines.length > 0 && (
                  <ul className={s.lines}>
                    {state.notice.lines.map((l, i) => (
                      <li key={i}>{l}</li>
                    ))}
                  </ul>
                )}
              </MessageBarBody>
              <MessageBarActions>
                <Button onClick={pane.dismissNotice}>Dismiss</Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {pane.stale && !busy && report && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{staleTitle(report.asAt)}</MessageBarTitle>
                {STALE_TEXT}
              </MessageBarBody>
              <MessageBarActions>
                <Button onClick={pane.check}>Check again</Button>
              </MessageBarActions>
            </MessageBar>
          )}
        </div>
      )}

      {report && (
        <>
          <SheetsPanel report={report} settings={state.settings} busy={busy} onCorrect={pane.correctSheet} onUseSelectedRow={pane.takeSelectedRow} />
          {report.sheets.length > 0 && <CountsPanel report={report} health={state.settings ?? undefined} />}
          {report.sheets.length > 0 && <FindingsPanel report={report} onSelect={pane.selectCell} />}
        </>
      )}

      <SettingsPanel settings={state.settings} busy={busy} onSave={pane.saveSettings} onRemoveCorrection={pane.correctSheet} />
    </main>
  );
}
