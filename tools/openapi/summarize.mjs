// Reads the JSON reports of `redocly lint` and `spectral lint` (lint.sh) and prints one line per linter,
// each error above it and the warnings counted by rule; exits 1 on any error or unreadable report.
import { readFileSync } from "node:fs";

const [redoclyFile, spectralFile] = process.argv.slice(2);

function read(file, name) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    console.log(`${name}: no report (${error.message})`);
    return null;
  }
}

function report(name, problems) {
  const errors = problems.filter((p) => p.error);
  const warnings = problems.filter((p) => !p.error);
  for (const p of errors) {
    console.log(`  ${name} error ${p.rule} at ${p.where}: ${p.message}`);
  }
  const counts = new Map();
  for (const p of warnings) {
    counts.set(p.rule, (counts.get(p.rule) ?? 0) + 1);
  }
  const byRule = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (byRule.length > 0) {
    console.log(`  ${name} warnings by rule: ${byRule.map(([rule, n]) => `${rule} ${n}`).join(", ")}`);
  }
  console.log(`${name}: ${errors.length} errors, ${warnings.length} warnings`);
  return errors.length;
}

let failed = 0;
const redocly = read(redoclyFile, "redocly");
if (redocly?.problems) {
  failed += report(
    "redocly",
    redocly.problems.map((p) => ({
      error: p.severity === "error",
      rule: p.ruleId,
      where: p.location?.[0]?.pointer ?? "?",
      message: p.message,
    })),
  );
} else {
  failed += 1;
}

// Spectral severities: 0 error, 1 warning, 2 information, 3 hint (only errors and warnings are counted).
const spectral = read(spectralFile, "spectral");
if (Array.isArray(spectral)) {
  failed += report(
    "spectral",
    spectral
      .filter((p) => p.severity <= 1)
      .map((p) => ({ error: p.severity === 0, rule: p.code, where: "#/" + p.path.join("/"), message: p.message })),
  );
} else {
  failed += 1;
}

process.exit(failed > 0 ? 1 : 0);
