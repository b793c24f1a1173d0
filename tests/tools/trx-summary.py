#!/usr/bin/env python3
"""Sum the VSTest TRX files of a test run into one line: `N passed, N failed, N skipped`.

Usage: trx-summary.py RESULTS_DIR [--test-exit-code N] [--failed-step NAME ...]

Failed tests are listed above the final line. error/timeout/aborted count as failed,
notExecuted/inconclusive as skipped. A run without any TRX file or without any test is a
failure, and so is a non-zero `dotnet test` exit code that no failed test explains (e.g. a
test host that crashed before writing its TRX). A step of the run outside dotnet test that failed (e.g. the
OpenAPI lint) is named with --failed-step and counts as one failed test. Exits 1 when anything failed, else 0.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
FAILED_COUNTERS = ("failed", "error", "timeout", "aborted")
SKIPPED_COUNTERS = ("notExecuted", "inconclusive")
SKIPPED_OUTCOMES = {"NotExecuted", "Inconclusive"}
FAILED_OUTCOMES = {"Failed", "Error", "Timeout", "Aborted"}
ABORTED_RUN_OUTCOMES = {"Aborted", "Error", "Timeout"}


def counter(element: ET.Element, name: str) -> int:
    try:
        return int(element.get(name, "0"))
    except ValueError:
        return 0


def first_line(text: str | None) -> str:
    for line in (text or "").splitlines():
        if line.strip():
            return line.strip()
    return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results_dir", type=Path)
    parser.add_argument("--test-exit-code", type=int, default=0)
    parser.add_argument("--failed-step", action="append", default=[], help="a failed step outside dotnet test; repeatable")
    args = parser.parse_args()

    passed = failed = skipped = total = run_broken = 0
    notes: list[str] = []
    failed_tests: list[str] = []

    files = sorted(args.results_dir.rglob("*.trx")) if args.results_dir.is_dir() else []
    for trx in files:
        try:
            root = ET.parse(trx).getroot()
        except ET.ParseError as exc:
            notes.append(f"unreadable TRX {trx}: {exc}")
            failed += 1
            continue

        summary = root.find("t:ResultSummary", NS)
        counters = summary.find("t:Counters", NS) if summary is not None else None
        if counters is None:
            notes.append(f"no ResultSummary/Counters in {trx}")
            failed += 1
            continue

        file_failed = sum(counter(counters, c) for c in FAILED_COUNTERS)
        passed += counter(counters, "passed")
        total += counter(counters, "total")

        file_skipped = 0
        for result in root.iterfind("t:Results/t:UnitTestResult", NS):
            outcome = result.get("outcome")
            if outcome in FAILED_OUTCOMES:
                name = result.get("testName", "?")
                message = first_line(result.findtext("t:Output/t:ErrorInfo/t:Message", None, NS))
                failed_tests.append(f"  FAILED {name}" + (f"\n         {message}" if message else ""))
            elif outcome in SKIPPED_OUTCOMES:
                file_skipped += 1
        # VSTest leaves notExecuted at 0 for skipped xunit tests; they only show as total - executed
        # and as NotExecuted results, so take whichever count is largest.
        skipped += max(
            file_skipped,
            sum(counter(counters, c) for c in SKIPPED_COUNTERS),
            counter(counters, "total") - counter(counters, "executed"),
        )

        # A crashed or aborted test host shows up only as an Error RunInfo, often with all counters at 0.
        # xunit also logs every failed test as an Error RunInfo ("... [FAIL]"); those are not run errors.
        run_errors = [
            text
            for info in summary.iterfind("t:RunInfos/t:RunInfo", NS)
            if info.get("outcome") in ("Error", "Failed", "Aborted")
            and not (text := first_line(info.findtext("t:Text", None, NS))).endswith("[FAIL]")
        ]
        run_outcome = summary.get("outcome", "")
        if run_errors or run_outcome in ABORTED_RUN_OUTCOMES:
            run_broken += 1
            notes.append(f"test run {run_outcome.lower() or 'broken'} in {trx.name}"
                         + "".join(f"\n         {e}" for e in run_errors if e))
            if file_failed == 0:
                file_failed = 1  # the crash itself, so the line never reads "0 failed" for a broken run
        failed += file_failed

    if not files:
        notes.append(f"no TRX file under {args.results_dir}")
    elif total == 0 and not run_broken:
        notes.append("no test was run")
    if (not files or total == 0) and failed == 0:
        failed = 1
    if args.test_exit_code != 0 and failed == 0:
        notes.append(f"dotnet test exited with code {args.test_exit_code} but no failed test was recorded")
        failed = 1

    for step in args.failed_step:
        failed_tests.append(f"  FAILED {step}")
        failed += 1

    if failed_tests:
        print(f"Failed tests ({len(failed_tests)}):")
        print("\n".join(failed_tests))
    for note in notes:
        print(f"  NOTE {note}")
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
