// What a copy written by `--out` does not have of the input, and how the user
// is told. The copy is the input's package with Plan Monitor's changes
// (write-package.ts), so the one thing it can lack is an .xlsm's macros in an
// .xlsx copy (an .xlsx cannot hold macros); the CLI refuses that without --force.

/** Something the copy will not have, in the words the user is told. */
export interface NotKept {
  text: string;
}

/** The macros an .xlsx copy of an .xlsm leaves out. */
export const macrosNotKept = (): NotKept => ({ text: "its macros (an .xlsx file cannot hold macros; name the copy .xlsm to keep them)" });

/** "its macros (…)", or several joined: "a, b and c". */
export function describeNotKept(list: readonly NotKept[]): string {
  const words = list.map((n) => n.text);
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}` : (words[0] ?? "");
}
