#!/usr/bin/env bash
# Runs the encoder benchmark interleaved over rounds, summarises it with
# benchstat and writes results/RESULTS.md and results/chart.svg.
#
#   bench/run.sh                 full run: 6 rounds of -benchtime 1s (about 20 minutes on 2 cores)
#   bench/run.sh -quick          3 rounds of -benchtime 100ms (a few minutes), to try it out
#   bench/run.sh -rounds 8 -benchtime 2s -bench 'data=twitter_status/mode=compact'
#
# The corpus folder comes from -corpus DIR, else $JSONDUMP_CORPUS, else
# ../../shared/corpus relative to bench/. Extra build tags: -tags LIST.
set -euo pipefail
cd "$(dirname "$0")"

BENCHSTAT=golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da
rounds=6
benchtime=1s
filter=.
tags=
quick=0
corpus=${JSONDUMP_CORPUS:-../../shared/corpus}
while [ $# -gt 0 ]; do
	case "$1" in
	-quick) quick=1; rounds=3; benchtime=100ms ;;
	-rounds) rounds=$2; shift ;;
	-benchtime) benchtime=$2; shift ;;
	-bench) filter=$2; shift ;;
	-corpus) corpus=$2; shift ;;
	-tags) tags=$2; shift ;;
	-h|-help|--help) sed -n '2,12p' "$0"; exit 0 ;;
	*) echo "run.sh: unknown flag $1" >&2; exit 2 ;;
	esac
	shift
done
if [ ! -d "$corpus" ]; then
	echo "run.sh: corpus folder $corpus not found (set -corpus or JSONDUMP_CORPUS)" >&2
	exit 1
fi
corpus=$(cd "$corpus" && pwd)

mkdir -p results/tmp
raw=results/tmp/raw.txt
: > "$raw"

echo "building the benchmark binary" >&2
# The commit is the one the binary is built from, read before the rounds:
# the tree may move on while they run.
built="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- .. 2>/dev/null || echo ' (with local changes)')"
started=$(date -u '+%Y-%m-%d %H:%M UTC')
go test -c -o results/tmp/bench.test ${tags:+-tags "$tags"} .

# Interleaved rounds: each round runs every contender on every dataset once
# (-count 1), so drift on a shared machine spreads over all contenders alike.
for r in $(seq 1 "$rounds"); do
	echo "round $r/$rounds" >&2
	./results/tmp/bench.test -test.run '^$' -test.bench "BenchmarkMarshal/.*${filter}" \
		-test.benchmem -test.count 1 -test.benchtime "$benchtime" -corpus "$corpus" | tee -a "$raw" | grep -E '^Benchmark' >&2 || true
done

echo "summarising" >&2
go run "$BENCHSTAT" -table /mode -row /data -col /enc "$raw" > results/tmp/benchstat.txt

cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //' || true)
{
	echo "**Machine.** $(nproc) CPUs ($(uname -m)), ${cpu:-unknown CPU}, $(free -g 2>/dev/null | awk '/^Mem:/{print $2 " GiB memory, "}')$(go version | sed 's/^go version //'), Linux $(uname -r)."
	echo
	echo "**Date.** $started; built from commit $built."
} > results/tmp/machine.md

mode="full run"
[ "$quick" = 1 ] && mode="**quick run** (few, short rounds: indicative only)"
go run ${tags:+-tags "$tags"} ./cmd/report -corpus "$corpus" \
	-raw "$raw" -benchstat results/tmp/benchstat.txt -machine results/tmp/machine.md \
	-md results/RESULTS.md -svg results/chart.svg \
	-note "**Run.** ${mode}: ${rounds} interleaved rounds, \`-benchtime ${benchtime}\`, \`-benchmem\`; medians of the rounds. Raw output: [raw.txt](raw.txt); benchstat: [benchstat.txt](benchstat.txt)."
cp "$raw" results/raw.txt
cp results/tmp/benchstat.txt results/benchstat.txt
echo "wrote results/RESULTS.md and results/chart.svg" >&2
