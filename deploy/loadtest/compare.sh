#!/usr/bin/env bash
# Measures Tukipiiri and the two baselines one after another on this machine, under the same load, with the same
# load generator, and prints one table. See deploy/loadtest/README.md.
#
#   deploy/loadtest/compare.sh CONNECTIONS ROOM_SIZE RATE SECONDS
#
# RATE 0 holds the connections idle for SECONDS and compares memory per connection instead.
#
# Environment (all optional):
#   TUKIPIIRI_JARS     jars to measure, separated by spaces, one run each in the order given
#                      (default: server/target/tukipiiri-server-*.jar, built with ./mvnw -DskipTests package)
#   JVM_OPTS           options for each Tukipiiri JVM (default: -Xmx2g)
#   RUNS               which servers, in order (default: "tukipiiri raw socketio"); "nodes2" runs two nodes of the
#                      first jar on one PostgreSQL and Redis of their own, clients taking the nodes in turn
#                      ("nodes1": one node the same way, to compare with)
#   DEFLATE=1          offer permessage-deflate from the clients (Jetty client) and let the Node servers accept it
#   LOADTEST_OPTS      more options for every load test run, e.g. "--client=jetty --warm-up=10"
#   LOADTEST_JVM_OPTS  options for the load generator's JVM (default: -Xmx4g)
#   PORT_BASE          Tukipiiri listens on PORT_BASE, raw on +1, Socket.IO on +2 (default: 18080), all on loopback
set -euo pipefail

if [ $# -ne 4 ]; then
	sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
	exit 2
fi
CONNECTIONS=$1 ROOM_SIZE=$2 RATE=$3 SECONDS_=$4

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
LOADTEST=$ROOT/deploy/loadtest
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tukipiiri-compare.XXXXXX")
JVM_OPTS=${JVM_OPTS:--Xmx2g}
RUNS=${RUNS:-tukipiiri raw socketio}
LOADTEST_JVM_OPTS=${LOADTEST_JVM_OPTS:--Xmx4g}
PORT_BASE=${PORT_BASE:-18080}
if [ -z "${TUKIPIIRI_JARS:-}" ]; then
	TUKIPIIRI_JARS=$(ls "$ROOT"/server/target/tukipiiri-server-*.jar 2>/dev/null | grep -v '\.original$' || true)
fi
EXTRA_OPTS=${LOADTEST_OPTS:-}
NODE_DEFLATE=0
if [ "${DEFLATE:-0}" = 1 ]; then
	EXTRA_OPTS="$EXTRA_OPTS --deflate"
	NODE_DEFLATE=1
fi

# every connection is a file descriptor here and in the server
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

STARTED=()
cleanup() {
	for pid in "${STARTED[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${STARTED[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
}
trap cleanup EXIT

stop() {
	kill "$1" 2>/dev/null || true
	# a server that does not finish within 60 s (an overloaded node draining its queues) is killed
	for _ in $(seq 60); do
		kill -0 "$1" 2>/dev/null || break
		sleep 1
	done
	kill -9 "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
	local kept=()
	for pid in "${STARTED[@]}"; do
		[ "$pid" = "$1" ] || kept+=("$pid")
	done
	STARTED=("${kept[@]+"${kept[@]}"}")
	sleep 3
}

wait_for() {
	local url=$1 pid=$2
	for _ in $(seq 1 180); do
		curl -sf -o /dev/null "$url" && return 0
		kill -0 "$pid" 2>/dev/null || { echo "The server exited while starting" >&2; return 1; }
		sleep 1
	done
	echo "No answer from $url after 180 s" >&2
	return 1
}

echo "Building the load generator…"
(cd "$ROOT" && ./mvnw -B -q -pl deploy/loadtest compile dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" >"$WORK/build.log" 2>&1) \
	|| { cat "$WORK/build.log"; exit 1; }
CLASSPATH_=$LOADTEST/target/classes:$(cat "$WORK/classpath.txt")
for baseline in raw-ws socketio; do
	if [ ! -d "$LOADTEST/baselines/$baseline/node_modules" ]; then
		(cd "$LOADTEST/baselines/$baseline" && npm ci --no-audit --no-fund >"$WORK/npm-$baseline.log" 2>&1)
	fi
done

# starts the embedded PostgreSQL and Redis on their own: sets services (pid), database_url, redis_url
start_services() {
	java -cp "$CLASSPATH_" fi.tukipiiri.loadtest.EmbeddedServices >"$WORK/services.log" 2>&1 &
	services=$!
	STARTED+=("$services")
	for _ in $(seq 1 120); do
		grep -q '^READY' "$WORK/services.log" && break
		kill -0 "$services" 2>/dev/null || { cat "$WORK/services.log"; exit 1; }
		sleep 1
	done
	database_url=$(sed -n 's/^DATABASE_URL=//p' "$WORK/services.log")
	redis_url=$(sed -n 's/^REDIS_URL=//p' "$WORK/services.log")
}

# load LABEL PROTOCOL URL SERVER_PID [more options]
load() {
	local label=$1 protocol=$2 url=$3 pid=$4
	shift 4
	LABELS+=("$label")
	echo
	echo "=== $label ==="
	# shellcheck disable=SC2086
	java $LOADTEST_JVM_OPTS -cp "$CLASSPATH_" fi.tukipiiri.loadtest.LoadTest --protocol="$protocol" --url="$url" \
		--connections="$CONNECTIONS" --room-size="$ROOM_SIZE" --rate="$RATE" --seconds="$SECONDS_" --server-pid="$pid" \
		--label="$label" $EXTRA_OPTS "$@" 2>&1 | grep -v '^SLF4J' | tee "$WORK/$label.log" || true
}

LEGEND=()
LABELS=()
for run in $RUNS; do
	case $run in
	tukipiiri)
		n=0
		for jar in $TUKIPIIRI_JARS; do
			n=$((n + 1))
			jar=$(realpath -m "$jar")
			if [ ! -f "$jar" ]; then
				echo "No jar at $jar: skipped" >&2
				continue
			fi
			label=tukipiiri
			[ "$(echo "$TUKIPIIRI_JARS" | wc -w)" -gt 1 ] && label=tukipiiri-$n
			LEGEND+=("$label: $jar ($JVM_OPTS)")
			port=$PORT_BASE
			# shellcheck disable=SC2086
			(cd "$WORK" && exec env TUKIPIIRI_ADMIN_USERNAME=loadadmin TUKIPIIRI_ADMIN_PASSWORD=loadtest-password \
				TUKIPIIRI_AUTH_SIGN_UP_MAX_PER_ADDRESS=1000000 TUKIPIIRI_MODERATION_REQUEST_LIMIT=1000000 \
				java $JVM_OPTS -jar "$jar" --server.port="$port" --server.address=127.0.0.1 >"$WORK/$label-server.log" 2>&1) &
			pid=$!
			STARTED+=("$pid")
			echo "Starting $label ($jar)…"
			if ! wait_for "http://127.0.0.1:$port/actuator/health" "$pid"; then
				tail -20 "$WORK/$label-server.log" >&2
				stop "$pid"
				continue
			fi
			load "$label" stomp "http://127.0.0.1:$port" "$pid" --admin-username=loadadmin --admin-password=loadtest-password
			stop "$pid"
		done
		[ "$n" -gt 0 ] || echo "No Tukipiiri jar: build it with ./mvnw -DskipTests package, or set TUKIPIIRI_JARS" >&2
		;;
	raw)
		port=$((PORT_BASE + 1))
		LEGEND+=("raw: baselines/raw-ws (ws, Node $(node --version))")
		PORT=$port PERMESSAGE_DEFLATE=$NODE_DEFLATE node "$LOADTEST/baselines/raw-ws/server.js" >"$WORK/raw-server.log" 2>&1 &
		pid=$!
		STARTED+=("$pid")
		wait_for "http://127.0.0.1:$port/health" "$pid"
		load raw raw "http://127.0.0.1:$port" "$pid"
		stop "$pid"
		;;
	socketio)
		port=$((PORT_BASE + 2))
		LEGEND+=("socketio: baselines/socketio (Socket.IO, Redis adapter, PostgreSQL; Node $(node --version))")
		start_services
		PORT=$port DATABASE_URL=$database_url REDIS_URL=$redis_url PERMESSAGE_DEFLATE=$NODE_DEFLATE \
			node "$LOADTEST/baselines/socketio/server.js" >"$WORK/socketio-server.log" 2>&1 &
		pid=$!
		STARTED+=("$pid")
		wait_for "http://127.0.0.1:$port/health" "$pid"
		load socketio socketio "http://127.0.0.1:$port" "$pid"
		stop "$pid"
		stop "$services"
		;;
	nodes[1-9])
		# N nodes of one cluster (the first jar) on one PostgreSQL and Redis of their own, clients spread over them
		count=${run#nodes}
		jar=$(realpath -m "$(echo "$TUKIPIIRI_JARS" | awk '{print $1}')")
		LEGEND+=("$run: $count node(s) of $jar ($JVM_OPTS each) on one embedded PostgreSQL and Redis")
		start_services
		jdbc_url=jdbc:postgresql://${database_url#*@}
		secret=$(head -c 32 /dev/urandom | base64)
		urls=() pids=()
		for i in $(seq 1 "$count"); do
			port=$((PORT_BASE + 10 + i))
			# shellcheck disable=SC2086
			(cd "$WORK" && exec env TUKIPIIRI_ADMIN_USERNAME=loadadmin TUKIPIIRI_ADMIN_PASSWORD=loadtest-password \
				TUKIPIIRI_AUTH_SIGN_UP_MAX_PER_ADDRESS=1000000 TUKIPIIRI_MODERATION_REQUEST_LIMIT=1000000 \
				SPRING_DATASOURCE_URL="$jdbc_url" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=postgres \
				SPRING_DATA_REDIS_URL="$redis_url" TUKIPIIRI_AUTH_JWT_SECRET="$secret" \
				java $JVM_OPTS -jar "$jar" --server.port="$port" --server.address=127.0.0.1 >"$WORK/$run-$i-server.log" 2>&1) &
			pids+=("$!")
			STARTED+=("$!")
			urls+=("http://127.0.0.1:$port")
			# one at a time: the first applies the database changelog
			wait_for "http://127.0.0.1:$port/actuator/health" "$!" || { tail -20 "$WORK/$run-$i-server.log" >&2; exit 1; }
		done
		load "$run" stomp "$(IFS=,; echo "${urls[*]}")" "${pids[0]}" --admin-username=loadadmin \
			--admin-password=loadtest-password
		for pid in "${pids[@]}"; do
			stop "$pid"
		done
		stop "$services"
		;;
	*)
		echo "Unknown run $run (tukipiiri, raw, socketio or nodes1 … nodes9)" >&2
		exit 2
		;;
	esac
done

echo
echo "=== $CONNECTIONS connections, rooms of $ROOM_SIZE, $RATE messages/s, $SECONDS_ s; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end ==="
if [ -n "$EXTRA_OPTS" ]; then
	echo "load test options:$EXTRA_OPTS"
fi
for line in "${LEGEND[@]}"; do
	echo "  $line"
done
echo
{
	for label in "${LABELS[@]}"; do
		if columns=$(grep -m1 '^SUMMARY-COLUMNS' "$WORK/$label.log"); then
			echo "${columns#*	}"
			break
		fi
	done
	for label in "${LABELS[@]}"; do
		grep -h '^SUMMARY	' "$WORK/$label.log" | cut -f2- || echo "$label	(no result: see its log)"
	done
} >"$WORK/table.tsv"
column -t -s $'\t' "$WORK/table.tsv" 2>/dev/null || cat "$WORK/table.tsv"
echo
echo "Logs: $WORK"
