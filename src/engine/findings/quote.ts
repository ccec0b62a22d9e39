// Cell text as findings quote it.
import { excerpt } from "../text";

/** The due text quoted, cut to fit in a message. */
export const quotedDue = (dueText: string): string => `“${excerpt(dueText, 60)}”`;
