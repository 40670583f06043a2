#!/usr/bin/env bash
# Colony's benchmarks: figures, never a test result. Builds what they need (no tests), then
#
#   benchmarks/run.sh parsers [SECONDS]        1. JMH: parsers vs the regex way (+ CPU-time check)
#   benchmarks/run.sh jobs [DIR] [SIZE]        2. access-stats embedded vs the in-process loop vs
#                                                 the Hive/Pig-way MR job, same input (default 1g)
#   benchmarks/run.sh memory [DIR] [SIZES]     3. peak RSS of access-stats and sessions, -Xmx512m,
#                                                 per input size (default "1g 10g")
#   benchmarks/run.sh sizing [DIR] [SIZES]     4. reducer sizing: predicted vs actual shuffle of
#                                                 access-stats and sessions, plain and gzip, cold
#                                                 (no history) and warm (default "32m 128m 512m")
#   benchmarks/run.sh all [DIR]                all four
#
# DIR (default ${TMPDIR:-/tmp}/colony-bench) holds the generated input and the outputs; it is
# reused between runs (the input is generated once per size) and can be deleted after.
# Every child JVM gets COLONY_BENCH_XMX (default 512m) and conf/local (2 map slots).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

what="${1:-all}"
shift || true
if [ "${COLONY_BENCH_SKIP_BUILD:-}" != "1" ]; then
  mvn -q -B ${MAVEN_OFFLINE:+-o} -DskipTests -pl benchmarks -am compile >&2
fi
CP="$ROOT/conf/local:$ROOT/benchmarks/target/classes:$(cat "$ROOT/benchmarks/target/classpath.txt")"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
run() { "$JAVA" -Dbench.root="$ROOT" -cp "$CP" "$@"; }

case "$what" in
  parsers) run org.colony.benchmarks.ParserBenchmarks "$@" ;;
  jobs)    run org.colony.benchmarks.JobBenchmarks "$@" ;;
  memory)  run org.colony.benchmarks.MemoryBenchmarks "$@" ;;
  sizing)  run org.colony.benchmarks.SizingBenchmarks "$@" ;;
  all)
    run org.colony.benchmarks.ParserBenchmarks
    run org.colony.benchmarks.JobBenchmarks "$@"
    run org.colony.benchmarks.MemoryBenchmarks "$@"
    run org.colony.benchmarks.SizingBenchmarks "$@"
    ;;
  *) echo "usage: benchmarks/run.sh parsers|jobs|memory|sizing|all [args]" >&2; exit 2 ;;
esac
