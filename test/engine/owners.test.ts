import { splitOwners } from "../../src/engine/owners";

// plan-rules.md §2 "owners" and the corpus README's label decisions.
describe("splitOwners", () => {
  describe("initials", () => {
    test.each<[string, string[]]>([
      ["JF", ["JF"]],
      ["PJS", ["PJS"]],
      ["DiB", ["DiB"]],
      ["JF SK", ["JF", "SK"]],
      ["NT JU PF", ["NT", "JU", "PF"]],
      ["AC DW", ["AC", "DW"]],
      ["GK/DKE/PA/SL", ["GK", "DKE", "PA", "SL"]],
      ["SK/DKE", ["SK", "DKE"]],
      ["NR/SK", ["NR", "SK"]],
      ["PA/SL", ["PA", "SL"]],
      ["AC/DW", ["AC", "DW"]],
      ["SK, PA", ["SK", "PA"]],
      ["  JF  ", ["JF"]],
    ])("%j → %j", (text, expected) => {
      expect(splitOwners(text)).toEqual(expected);
    });
  });

  describe("people", () => {
    test.each<[string, string[]]>([
      ["Andrew Errington Gemma Tate Janice White", ["Andrew Errington", "Gemma Tate", "Janice White"]],
      ["Maxine Shakespeare Richard Limb", ["Maxine Shakespeare", "Richard Limb"]],
      ["Rae Bottrill Neil Byrne Ian Bowering", ["Rae Bottrill", "Neil Byrne", "Ian Bowering"]],
      ["Jenny O'Hagan Michelle McGinty", ["Jenny O'Hagan", "Michelle McGinty"]],
      ["Ann Smith-Jones Michelle McGinty", ["Ann Smith-Jones", "Michelle McGinty"]],
      ["Mary Ann Smith", ["Mary Ann Smith"]],
      ["Pete Fahy\nAll Heads of Service", ["Pete Fahy", "All Heads of Service"]],
      ["Andrew Errington\nGemma Tate\nJanice White", ["Andrew Errington", "Gemma Tate", "Janice White"]],
      ["Jill Ayres\r\nPeb Johal", ["Jill Ayres", "Peb Johal"]],
      ["John Smith and Jane Doe", ["John Smith", "Jane Doe"]],
      ["Jane Doe and/or John Smith", ["Jane Doe", "John Smith"]],
      ["J. Smith", ["J. Smith"]],
      ["Andrew Errington", ["Andrew Errington"]],
    ])("%j → %j", (text, expected) => {
      expect(splitOwners(text)).toEqual(expected);
    });
  });

  describe("bracketed notes and placeholders", () => {
    test.each<[string, string[]]>([
      ["Jenny O'Hagan & Health colleague (tbc)", ["Jenny O'Hagan", "Health colleague"]],
      ["Sean Coady (for supported people) & Jane Mackie (unpaid carer)", ["Sean Coady", "Jane Mackie"]],
      ["Head of Service (Adults)", ["Head of Service"]],
      ["Head of Service (Adults", ["Head of Service"]],
      ["(tbc)", []],
      ["tbc", []],
      ["TBC", []],
      ["tbd", []],
      ["Jane Doe / tbc", ["Jane Doe"]],
      ["N/A", []],
    ])("%j → %j", (text, expected) => {
      expect(splitOwners(text)).toEqual(expected);
    });
  });

  describe("job titles", () => {
    test.each<[string, string[]]>([
      ["Angela Woodhouse, Head of Policy and Communications", ["Angela Woodhouse, Head of Policy and Communications"]],
      ["Deputy Director of Nursing & Quality CCG", ["Deputy Director of Nursing & Quality CCG"]],
      ["Chair of Q & A sub Group", ["Chair of Q & A sub Group"]],
      ["Chair of Q&A sub Group", ["Chair of Q&A sub Group"]],
      ["Assistant Director Safeguarding, Quality & Performance", ["Assistant Director Safeguarding, Quality & Performance"]],
      [
        "Head of Strategic Commissioning, Assistant Director safeguarding, Performance & Quality, and – Head of Business Systems",
        ["Head of Strategic Commissioning", "Assistant Director safeguarding, Performance & Quality", "Head of Business Systems"],
      ],
      [
        "Performance Manager and Head of Business System and Data Warehouse",
        ["Performance Manager", "Head of Business System and Data Warehouse"],
      ],
      ["Head of Strategic Commissioning and CRCCG Commissioning", ["Head of Strategic Commissioning", "CRCCG Commissioning"]],
      ["Director of Public Health / CCG Chief Nurse", ["Director of Public Health", "CCG Chief Nurse"]],
      ["Director of Finance and Chief Executive", ["Director of Finance", "Chief Executive"]],
      ["Safeguarding Lead UHCW", ["Safeguarding Lead UHCW"]],
      ["Safeguarding Boards Manager", ["Safeguarding Boards Manager"]],
      ["Head of Strategic Commissioning", ["Head of Strategic Commissioning"]],
      ["Director of Adult Services", ["Director of Adult Services"]],
      ["All Heads of Service", ["All Heads of Service"]],
      ["Head of HR & OD", ["Head of HR & OD"]],
      ["John Smith, Head of Service, Jane Doe, Director of Finance", ["John Smith, Head of Service", "Jane Doe, Director of Finance"]],
      ["Head of Policy; Quality", ["Head of Policy", "Quality"]],
    ])("%j → %j", (text, expected) => {
      expect(splitOwners(text)).toEqual(expected);
    });
  });

  describe("clean-up", () => {
    test.each<[string, string[]]>([
      ["", []],
      ["   \n  ", []],
      ["Jane   Doe", ["Jane Doe"]],
      ["Jane\u00a0Doe", ["Jane Doe"]],
      ["SK/sk/SK", ["SK"]],
      ["Jane Doe\nJANE DOE", ["Jane Doe"]],
      ["- Jane Doe", ["Jane Doe"]],
      ["Jane Doe, , John Smith", ["Jane Doe", "John Smith"]],
    ])("%j → %j", (text, expected) => {
      expect(splitOwners(text)).toEqual(expected);
    });
  });
});
