#!/usr/bin/env bash
# Overloads one Tukipiiri node, then loads it lightly right after, on the same node: the second run's first seconds
# show how soon the latency recovers once the load drops. See deploy/loadtest/README.md.
#
#   deploy/loadtest/recovery.sh CONNECTIONS HIGH_RATE LOW_RATE SECONDS
#
# Environment: TUKIPIIRI_JAR (default server/target/tukipiiri-server-*.jar), JVM_OPTS (default -Xmx1g),
# PORT (default 18080, on loopback).
set -euo pipefail

if [ $# -ne 4 ]; then
	sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
	exit 2
fi
CONNECTIONS=$1 HIGH=$2 LOW=$3 SECONDS_=$4
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tukipiiri-recovery.XXXXXX")
JAR=${TUKIPIIRI_JAR:-$(ls "$ROOT"/server/target/tukipiiri-server-*.jar | grep -v '\.original$' | head -1)}
JVM_OPTS=${JVM_OPTS:--Xmx1g}
PORT=${PORT:-18080}
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

(cd "$ROOT" && ./mvnw -B -q -pl deploy/loadtest compile dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" \
	>"$WORK/build.log" 2>&1)
CLASSPATH_=$ROOT/deploy/loadtest/target/classes:$(cat "$WORK/classpath.txt")

# shellcheck disable=SC2086
(cd "$WORK" && exec env TUKIPIIRI_ADMIN_USERNAME=loadadmin TUKIPIIRI_ADMIN_PASSWORD=loadtest-password \
	TUKIPIIRI_AUTH_SIGN_UP_MAX_PER_ADDRESS=1000000 TUKIPIIRI_MODERATION_REQUEST_LIMIT=1000000 \
	java $JVM_OPTS -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 >"$WORK/server.log" 2>&1) &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; sleep 5; kill -9 $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 120); do
	curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
	sleep 1
done

for phase in "overload $HIGH" "after $LOW"; do
	set -- $phase
	echo "=== $1: $2 messages/s ==="
	java -Xmx4g -cp "$CLASSPATH_" fi.tukipiiri.loadtest.LoadTest --url="http://127.0.0.1:$PORT" \
		--connections="$CONNECTIONS" --rate="$2" --seconds="$SECONDS_" --server-pid="$SERVER" --label="$1" \
		--admin-username=loadadmin --admin-password=loadtest-password 2>&1 | grep -v '^SLF4J' | tee "$WORK/$1.log"
done
if grep -q OutOfMemoryError "$WORK/server.log"; then
	echo "The node ran out of memory: see $WORK/server.log"
else
	echo "No OutOfMemoryError in the node's log."
fi
echo "Logs: $WORK"
