// Styles shared by the panels: narrow-pane friendly (320 px, no sideways scroll).
import { makeStaticStyles, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const useStaticStyles = makeStaticStyles({
  "html, body": { margin: 0, padding: 0 },
});

export const useShared = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  h2: { ...typographyStyles.subtitle2, margin: 0 },
  h3: { ...typographyStyles.body1Strong, margin: 0 },
  h4: { ...typographyStyles.caption1Strong, margin: 0 },
  hint: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0 },
  para: { ...typographyStyles.body1, margin: 0 },
  row: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: "flex-end",
  },
  plainList: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    ...typographyStyles.body1,
    "& dt": { color: tokens.colorNeutralForeground2 },
    "& dd": { margin: 0, minWidth: 0 },
  },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});
