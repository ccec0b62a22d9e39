// Is this XML well-formed (namespaces included)? Checked by libxml2 (xmllint-wasm),
// a reader independent of the regular expressions the package writer uses.
import { validateXML } from "xmllint-wasm";

/** The parser's errors ("" when the XML is well-formed). */
export async function xmlErrors(xml: string | Buffer): Promise<string> {
  const contents = typeof xml === "string" ? xml : xml.toString("utf8");
  const result = await validateXML({ xml: [{ fileName: "part.xml", contents }], normalization: "c14n", initialMemoryPages: 512, maxMemoryPages: 16384 });
  // Namespace errors (an undeclared prefix) are only in the raw output: libxml2 calls them errors but still parses.
  const namespaceErrors = result.rawOutput.split("\n").filter((line) => / error : /.test(line));
  return [...result.errors.map((e) => e.message), ...namespaceErrors].join("\n");
}
