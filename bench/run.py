"""Measure the builder against plain MkDocs on one project: the seed or a generated one.

    python bench/run.py --size seed|S|M|L [--dir DIR] [--keep] [--check-runs N] [--repeat N]
                        [--serve-probe | --no-serve-probe] [--serve-timeout S]

Copies the seed (the repository's own content/) or generates the project (bench/generate.py), then
measures, each stage in a fresh process (time and peak memory): ``python -m builder check``; load +
render alone; the full ``mkdocs build`` with the plugin; ``python -m builder export`` and a baseline
``mkdocs build`` of the exported Markdown with the plugin removed; then the edit-to-browser probe
(bench/serve_probe.py: three edits of an event title under ``mkdocs serve``). ``check`` is timed
several times and the builds may be repeated, alternately, since this machine's speed varies by
several percent from one minute to the next; medians are reported. ``--serve-probe`` runs the probe
alone. At L only the full build is measured (time and peak memory, for information).
Prints the figures, a summary against the targets, and a last line of JSON; exits 1 if the probe failed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from serve_probe import probe

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"seed": None, "S": (1000, 200, 500), "M": (10000, 2000, 5000), "L": (100000, 20000, 50000)}
# Issue 19's targets: the full build against the bare baseline of the same run, and edit to browser.
TARGET_RATIO = {"S": 0.7, "M": 0.6}
TARGET_EDIT_S = {"seed": 1.0, "S": 2.0, "M": 10.0}
RENDER_ONLY = """
import time, sys
from pathlib import Path
from builder.pipeline import build_site
from builder.render.pages import render_site
start = time.perf_counter()
result = build_site(Path("content"), Path("."))
loaded = time.perf_counter()
pages = render_site(result.site, directory_urls=True)
done = time.perf_counter()
print(f"{loaded - start:.3f} {done - loaded:.3f} {len(pages)} {len(result.diagnostics.errors)}")
"""


def run_tracked(args: list[str], cwd: Path) -> tuple[float, float, str]:
    """Like ``measure`` but reaping the child ourselves so its own peak memory is known."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, env=env, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode:
            sys.exit(f"{' '.join(args)} failed:\n{err.read()[-3000:]}")
        return elapsed, usage.ru_maxrss / 1024, out.read()


def baseline_config(project: Path, export_dir: Path) -> Path:
    """The project's mkdocs.yml without the timeline plugin, building the exported Markdown."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    config["plugins"] = [p for p in config.get("plugins", []) if not (p == "timeline" or
                                                                     (isinstance(p, dict) and "timeline" in p))]
    config["docs_dir"] = str(export_dir)
    config.pop("site_url", None)
    path = project / "mkdocs-baseline.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def site_figures(site: Path) -> dict[str, Any]:
    pages = sorted(site.rglob("*.html"))
    largest = max(pages, key=lambda p: p.stat().st_size)
    timeline = sorted(site.glob("timeline/**/*.html"), key=lambda p: p.stat().st_size)
    return {
        "pages": len(pages),
        "largest_page": largest.relative_to(site).as_posix(),
        "largest_page_kb": round(largest.stat().st_size / 1024, 1),
        "timeline_index_kb": round((site / "timeline" / "index.html").stat().st_size / 1024, 1),
        "largest_timeline_page_kb": round(timeline[-1].stat().st_size / 1024, 1) if timeline else 0,
        "search_index_mb": round((site / "search" / "search_index.json").stat().st_size / 2**20, 2),
    }


# Three kinds of mistake, put in every EVERY-th event file: a month that does not exist, an actor
# id with a typo, and a quote its article does not contain. Each is one error on the edited line.
EVERY = 100
MISTAKES = ((re.compile(r'^(date: "?\d{4}-)\d\d', re.M), r"\g<1>13"),
            (re.compile(r'(\{"actor": "[a-z0-9-]+)"'), r'\1x"'),
            (re.compile(r'("text": "[^"]+)"'), r'\1 and something nobody said"'))


def break_project(project: Path, broken: Path) -> set[tuple[str, int]]:
    """A copy of the project with mistakes in it; returns where each one is (path, line)."""
    shutil.copytree(project / "content", broken / "content")
    shutil.copy2(project / "mkdocs.yml", broken / "mkdocs.yml")
    expected = set()
    events = sorted((broken / "content" / "events").glob("*.md"))
    for number, file in enumerate(events[::EVERY]):
        pattern, replacement = MISTAKES[number % len(MISTAKES)]
        text = file.read_text(encoding="utf-8")
        match = pattern.search(text)
        if match is None:
            continue
        file.write_text(text[:match.start()] + match.expand(replacement) + text[match.end():], encoding="utf-8")
        expected.add((file.relative_to(broken).as_posix(), text.count("\n", 0, match.start()) + 1))
    return expected


def check_broken(project: Path, work: Path) -> dict[str, Any]:
    """Validation at scale still reports every problem: run check on a copy with known mistakes."""
    expected = break_project(project, work / "broken")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "builder", "check"], cwd=work / "broken", env=env,
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    errors = re.finditer(r"^(\S+?):(\d+): (?!warning: )", result.stderr, re.M)
    reported = {(m.group(1), int(m.group(2))) for m in errors}
    return {"broken_check_s": round(elapsed, 2), "broken_exit": result.returncode,
            "errors_injected": len(expected), "errors_found": len(expected & reported),
            "errors_reported": len(reported)}


def make_project(size: str, project: Path) -> dict[str, Any]:
    """The seed copied, or the project generated (with the generator's own time and peak memory)."""
    counts = SIZES[size]
    if counts is None:
        shutil.rmtree(project / "content", ignore_errors=True)  # from an earlier run in the same --dir
        shutil.copytree(ROOT / "content", project / "content")
        shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        return {"size": size}
    events, actors, articles = counts
    generate = [sys.executable, str(ROOT / "bench" / "generate.py"), "--events", str(events), "--actors",
                str(actors), "--articles", str(articles), "--out", str(project), "--force"]
    gen_time, gen_mem, _ = run_tracked(generate, ROOT)
    return {"size": size, "events": events, "actors": actors, "articles": articles,
            "generate_s": round(gen_time, 2), "peak_mb_generate": round(gen_mem)}


def measure_build_only(project: Path, work: Path, repeat: int) -> dict[str, Any]:
    """The L probe: the full build alone, for its time and peak memory."""
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(work / "site")]
    builds = [run_tracked(mkdocs, project) for _ in range(max(1, repeat))]
    times = [b[0] for b in builds]
    return {"build_s": round(statistics.median(times), 2), "build_runs_s": [round(t, 2) for t in times],
            "peak_mb_build": round(max(b[1] for b in builds)), **site_figures(work / "site")}


def measure_all(project: Path, work: Path, check_runs: int, repeat: int) -> dict[str, Any]:
    python = sys.executable
    checks = [run_tracked([python, "-m", "builder", "check"], project) for _ in range(max(1, check_runs))]
    check_times = sorted(elapsed for elapsed, _, _ in checks)
    check_time, check_mem = statistics.median(check_times), max(memory for _, memory, _ in checks)
    _, render_mem, render_out = run_tracked([python, "-c", RENDER_ONLY], project)
    load_time, render_time, page_count, errors = render_out.split()
    mkdocs = [python, "-m", "mkdocs", "build", "--strict", "--quiet"]
    export_time, _, _ = run_tracked([python, "-m", "builder", "export", str(work / "export")], project)
    config = baseline_config(project, work / "export")
    builds, baselines = [], []
    for _ in range(max(1, repeat)):  # alternately, so a slow spell of the machine hits both
        builds.append(run_tracked([*mkdocs, "-d", str(work / "site")], project))
        baselines.append(run_tracked([*mkdocs, "-f", str(config), "-d", str(work / "site-baseline")], project))
    build_times, base_times = [b[0] for b in builds], [b[0] for b in baselines]
    build_time, base_time = statistics.median(build_times), statistics.median(base_times)
    return {
        "check_s": round(check_time, 2), "check_runs_s": [round(t, 2) for t in check_times],
        "load_s": float(load_time), "render_s": float(render_time),
        "builder_stage_s": round(float(load_time) + float(render_time), 2),
        "generated_pages": int(page_count), "errors": int(errors),
        "build_s": round(build_time, 2), "baseline_s": round(base_time, 2), "export_s": round(export_time, 2),
        "build_runs_s": [round(t, 2) for t in build_times], "baseline_runs_s": [round(t, 2) for t in base_times],
        "build_over_baseline": round(build_time / base_time, 3),
        "build_over_baseline_runs": [round(b / a, 3) for b, a in zip(build_times, base_times, strict=True)],
        "peak_mb_check": round(check_mem), "peak_mb_render": round(render_mem),
        "peak_mb_build": round(max(b[1] for b in builds)), "peak_mb_baseline": round(max(b[1] for b in baselines)),
        **site_figures(work / "site"),
        **check_broken(project, work),
    }


def verdict(value: float, target: float | None, unit: str, size: str) -> str:
    if target is None:
        return "no target at this size"
    return f"target at {size} ≤ {target:g}{unit}: {'met' if value <= target else 'NOT met'}"


def summary(figures: dict[str, Any]) -> list[str]:
    """The figures the targets are about, in words, with medians and every run."""
    size, lines = figures["size"], []
    if "build_over_baseline" in figures:
        runs = ", ".join(f"{b:.2f} ÷ {a:.2f} s" for b, a in zip(figures["build_runs_s"], figures["baseline_runs_s"],
                                                                  strict=True))
        lines.append(f"full build ÷ baseline, medians: {figures['build_over_baseline']:.3f}× "
                     f"({figures['build_s']:.2f} s ÷ {figures['baseline_s']:.2f} s; runs {runs}); "
                     + verdict(figures["build_over_baseline"], TARGET_RATIO.get(size), "×", size))
    elif "build_s" in figures:
        lines.append(f"full build (L probe, information only): {figures['build_s']:.1f} s, "
                     f"peak {figures['peak_mb_build']} MB, {figures['pages']} pages")
    if figures.get("serve_error"):
        lines.append(f"edit to browser: FAILED: {figures['serve_error']}")
    elif figures.get("serve_edit_s") is not None:
        runs = ", ".join(f"{t:.2f}" for t in figures["serve_edit_runs_s"])
        lines.append(f"edit to browser, median of {len(figures['serve_edit_runs_s'])}: {figures['serve_edit_s']:.2f} s "
                     f"(runs {runs} s; first build served after {figures['serve_first_build_s']:.1f} s); "
                     + verdict(figures["serve_edit_s"], TARGET_EDIT_S.get(size), " s", size))
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", choices=list(SIZES), required=True,
                        help="seed: the repository's content/; S, M, L: generated (L: the full build only)")
    parser.add_argument("--dir", type=Path, help="where to work (default: a temporary directory)")
    parser.add_argument("--keep", action="store_true", help="keep the generated project and sites")
    parser.add_argument("--check-runs", type=int, default=5,
                        help="how many times to time check; the median is reported (default: 5)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="build with the plugin and the baseline this many times each, alternately; the "
                             "ratio is that of the medians (default: 1)")
    probe_choice = parser.add_mutually_exclusive_group()
    probe_choice.add_argument("--serve-probe", action="store_true", help="run the edit-to-browser probe alone")
    probe_choice.add_argument("--no-serve-probe", action="store_true", help="leave the edit-to-browser probe out")
    parser.add_argument("--serve-timeout", type=float, default=120,
                        help="seconds an edit may take to show before the probe gives up (default: 120)")
    parser.add_argument("--serve-start-timeout", type=float, default=1800,
                        help="seconds the first build under mkdocs serve may take (default: 1800)")
    args = parser.parse_args()
    if args.size == "L" and args.serve_probe:
        parser.error("the L probe is the full build only: no --serve-probe at L")
    work = args.dir or Path(tempfile.mkdtemp(prefix=f"timeline-bench-{args.size}-"))
    project = work / "project"
    try:
        figures = make_project(args.size, project)
        if args.size == "L":
            figures |= measure_build_only(project, work, args.repeat)
        elif not args.serve_probe:
            figures |= measure_all(project, work, args.check_runs, args.repeat)
        if args.size != "L" and not args.no_serve_probe:
            figures |= probe(project, work, edit_timeout=args.serve_timeout, start_timeout=args.serve_start_timeout)
    finally:
        if not args.keep and not args.dir:
            shutil.rmtree(work, ignore_errors=True)
    width = max(map(len, figures))
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")
    print()
    for line in summary(figures):
        print(line)
    print(json.dumps(figures, sort_keys=True, ensure_ascii=False))
    return 1 if figures.get("serve_error") else 0


if __name__ == "__main__":
    sys.exit(main())
