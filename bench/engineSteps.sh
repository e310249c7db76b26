#!/bin/bash
# Alternating runs of bench/engineSteps.ts (cohort --engine duckdb, timed per step) for
# several builds of loyalty, each a directory with dist/ built (e.g. a `git archive` of an
# earlier commit with this script's engineSteps.ts copied in), 3 rounds, the order rotating
# each round. Writes one JSON object per run (with GNU time's wall seconds and peak RSS) to
# the file given, then prints the medians per build and step.
#
#   bench/engineSteps.sh runs.jsonl before=/tmp/loyalty-before after=.
set -euo pipefail
out=$(realpath -m "$1"); shift
builds=("$@")
: > "$out"
for round in 1 2 3; do
  for ((k = 0; k < ${#builds[@]}; k++)); do
    build=${builds[$(( (k + round - 1) % ${#builds[@]} ))]}
    name=${build%%=*}
    dir=${build#*=}
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    json=$(cd "$dir" && /usr/bin/time -f '%e %M' -o /tmp/engineSteps.time node dist/bench/engineSteps.js)
    read -r wall rss < /tmp/engineSteps.time
    echo "{\"build\":\"$name\",\"round\":$round,\"loadavg\":\"$load\",\"wallS\":$wall,\"peakRssKb\":$rss,\"run\":$json}" >> "$out"
  done
done
node -e '
const runs = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map((l) => JSON.parse(l));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const build of [...new Set(runs.map((r) => r.build))]) {
  const mine = runs.filter((r) => r.build === build);
  const steps = {};
  for (const r of mine) for (const s of r.run.steps) (steps[s.step] ??= []).push(s.ms);
  // A step run twice in one run (columns, readable check) is summed per run first.
  const perRun = (step) => mine.map((r) => r.run.steps.filter((s) => s.step === step).reduce((a, s) => a + s.ms, 0));
  console.log(build, "wall", median(mine.map((r) => r.wallS)), "s, peak RSS", median(mine.map((r) => r.peakRssKb)) / 1024 | 0, "MB");
  for (const step of Object.keys(steps)) console.log("  ", step, median(perRun(step)), "ms");
}' "$out"
