/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/"],
  // Generous: a loaded 2-core machine runs the slow tests (axe on the pane, webpack builds) several times slower.
  // Tests that need longer still (the browser and LibreOffice tests) set their own.
  testTimeout: 60_000,
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx", esModuleInterop: true, isolatedModules: true } }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // exceljs writes the test fixtures; these fixes make it write them as Excel would.
  setupFiles: ["<rootDir>/test/helpers/exceljs-write-fixes.ts"],
  reporters: ["default", "<rootDir>/test/summary-reporter.js"],
};
