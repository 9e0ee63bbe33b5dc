#!/usr/bin/env bash
# compilecost.sh: what a generated file costs the compiler on real API
# packages. Each package is copied from the module cache (fetched through the
# module proxy) into a scratch module; its dependencies are built once, then
# the package alone is compiled without and with its generated file (jsondump
# -all, or -type with the row's list of types), and the compile's wall time, CPU time (user and system: the compiler runs
# its back end on several threads, and CPU time is steadier on a busy
# machine) and peak memory are printed.
#
#   bench/compilecost.sh            # k8s.io/api core/v1, go-github, stripe-go,
#                                   # and stripe-go with -type (stripe-api)
#   bench/compilecost.sh k8s github # some of them
#
# Only the compiler's own process is measured (go build -toolexec with GNU
# time), so the go command's work and the dependencies do not count. Runs
# take minutes: stripe-go's top package has 5,965 structs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
time_cmd=/usr/bin/time
[ -x "$time_cmd" ] || { echo "compilecost.sh needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }

# name module version dir-in-module [types: -type's list; -all without]
all=(
	"k8s k8s.io/api v0.37.2 core/v1"
	"github github.com/google/go-github/v93 v93.0.0 github"
	"stripe github.com/stripe/stripe-go/v82 v82.5.1 ."
	"stripe-api github.com/stripe/stripe-go/v82 v82.5.1 . Account,BalanceTransaction,Charge,Customer,Event,Invoice,PaymentIntent,PaymentMethod,PaymentSource,Price,Product,Refund,Subscription"
)
want=("$@")

# COMPILECOST_DIR keeps the scratch module (to profile the compiler in it).
if [ -n "${COMPILECOST_DIR:-}" ]; then
	work=$COMPILECOST_DIR
	mkdir -p "$work"
else
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
fi
cat >"$work/go.mod" <<EOF
module example.com/compilecost

go 1.26.0

require github.com/jsondump/jsondump v0.0.0

replace github.com/jsondump/jsondump => $root
EOF
# timeit runs a tool under GNU time, appending "wall-seconds cpu-seconds KiB"
# to $TIMELOG
# (-toolexec takes a command without arguments that need quoting).
printf '#!/bin/sh\nexec %s -a -o "$TIMELOG" -f "%%e %%U %%S %%M" "$@"\n' "$time_cmd" >"$work/timeit"
chmod +x "$work/timeit"
(cd "$root" && go build -o "$work/jsondump" ./cmd/jsondump)
mkdir -p "$work/deps"
printf 'package deps\n\nimport _ "github.com/jsondump/jsondump/runtime"\n' >"$work/deps/deps.go"

selected=()
for row in "${all[@]}"; do
	read -r name module version dir _ <<<"$row"
	if [ ${#want[@]} -gt 0 ] && [[ ! " ${want[*]} " == *" $name "* ]]; then
		continue
	fi
	selected+=("$row")
	(cd "$work" && go get "$module@$version" >/dev/null 2>&1)
	src=$(cd "$work" && go mod download -json "$module@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
	mkdir -p "$work/$name"
	find "$src/$dir" -maxdepth 1 -name '*.go' ! -name '*_test.go' -exec cp {} "$work/$name/" \;
	chmod u+w "$work/$name"/*.go
done
(cd "$work" && go mod tidy >/dev/null 2>&1)

# compile measures the compile of package ./$1 alone: a nonce file makes its
# build cache key new, its dependencies are cached.
compile() {
	local name=$1 log="$work/time.log" pkgname
	pkgname=$(cd "$work" && go list -f '{{.Name}}' "./$name")
	printf 'package %s\n\n// nonce %s\n' "$pkgname" "$RANDOM$RANDOM" >"$work/$name/zz_nonce.go"
	rm -f "$log"
	(cd "$work" && TIMELOG=$log go build -toolexec "$work/timeit" "./$name")
	# The compile is the costliest tool run of the package's build.
	sort -k4 -n "$log" | awk '{ print $1, $2 + $3, $4 }' | tail -1
}

printf '| package | types (with a helper) | generated lines | compile time | compile CPU time | peak memory |\n|---|---:|---:|---|---|---|\n'
for row in "${selected[@]}"; do
	read -r name module version dir list <<<"$row"
	rm -f "$work/$name"/*_jsondump.go # left by a kept COMPILECOST_DIR
	(cd "$work" && go build "./$name")
	read -r t0 c0 m0 <<<"$(compile "$name")"
	rm -f "$work/$name"/*_jsondump.go
	select=(-all) label="$module/$dir"
	if [ -n "${list:-}" ]; then
		select=(-type "$list" -output api_jsondump.go)
		label="$label, -type of $(tr ',' '\n' <<<"$list" | wc -l) types"
	fi
	(cd "$work/$name" && "$work/jsondump" "${select[@]}" . 2>"$work/warnings.txt") || { cat "$work/warnings.txt" >&2; exit 1; }
	# Types with a helper: those selected and those their fields reach.
	types=$(grep -c '^func _[A-Za-z_0-9]*_dump(' "$work/$name"/*_jsondump.go || true)
	lines=$(cat "$work/$name"/*_jsondump.go | wc -l)
	read -r t1 c1 m1 <<<"$(compile "$name")"
	awk -v p="$label" -v n="$types" -v l="$lines" -v t0="$t0" -v t1="$t1" -v c0="$c0" -v c1="$c1" -v m0="$m0" -v m1="$m1" 'BEGIN {
		printf "| %s | %d | %d | %.1f s -> %.1f s (%.1fx) | %.1f s -> %.1f s (%.1fx) | %d -> %d MiB (%.1fx) |\n", p, n, l, t0, t1, t1/t0, c0, c1, c1/c0, m0/1024, m1/1024, m1/m0
	}'
	rm -f "$work/$name"/*_jsondump.go
done
