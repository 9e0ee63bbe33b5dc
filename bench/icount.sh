#!/usr/bin/env bash
# icount.sh: instructions per call of benchmarks, counted by callgrind. On a
# shared 2-core machine the time of a call of 100-300 ns swings by ±30%
# between runs; the count of instructions varies by under 1% (the garbage
# collector's share): each benchmark runs at two iteration counts under
# valgrind, and the difference of the totals over the difference of the
# counts is the cost of one iteration, set-up cancelled.
#
#   bench/icount.sh 'BenchmarkSmall/size/enc=(goccy|jsondump_marshal)$'
#   GOGC=off ICOUNT_N1=2 ICOUNT_N2=12 bench/icount.sh 'BenchmarkMarshal/.*/mode=compact/enc=jsondump_dumpto$'
#
# The iteration counts are ICOUNT_N1 and ICOUNT_N2 (20000 and 60000, for
# calls of a small value; a few for a whole dataset, which takes the corpus
# from $JSONDUMP_CORPUS as the benchmarks do, with GOGC=off: over a few
# iterations one collection more in one run swamps the count; the random
# order of maps still moves it by about 2%). Asynchronous preemption is
# off: callgrind fails on the signals that carry it. Needs valgrind
# (apt-get install valgrind). Instructions are not time (a cache miss or a
# division costs more than one), but a change that removes instructions from
# a path with no new misses makes it faster.
set -euo pipefail
[ $# -eq 1 ] || { sed -n '2,20p' "$0"; exit 2; }
cd "$(dirname "$0")"
command -v valgrind >/dev/null || { echo "icount.sh needs valgrind (apt-get install valgrind)" >&2; exit 2; }
n1=${ICOUNT_N1:-20000} n2=${ICOUNT_N2:-60000}
bin=$(mktemp)
trap 'rm -f "$bin"' EXIT
go test -c -o "$bin" .
total() { # total instructions of benchmark $1 at $2 iterations
	GODEBUG=asyncpreemptoff=1 GOMAXPROCS=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" \
		-test.run '^$' -test.bench "^$1\$" -test.benchtime "${2}x" -test.count 1 2>&1 |
		sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
for name in $("$bin" -test.run '^$' -test.bench "$1" -test.benchtime 1x -test.count 1 | awk '/^Benchmark/ { sub(/-[0-9]+$/, "", $1); print $1 }'); do
	a=$(total "$name" $n1)
	b=$(total "$name" $n2)
	printf '%-60s %8d instructions/op\n' "$name" $(((b - a) / (n2 - n1)))
done
