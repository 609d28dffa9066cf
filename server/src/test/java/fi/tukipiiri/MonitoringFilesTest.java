package fi.tukipiiri;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard ({@code deploy/grafana/tukipiiri-dashboard.json}) and the alert
 * rules ({@code deploy/prometheus/alerts.yaml}) ask only for metrics the application
 * registers: every metric name in their queries is one the README's
 * <a href="../../../../../../README.md#metrics">Metrics</a> table lists (with the
 * suffixes its type has in Prometheus) or one of Spring Boot's and Prometheus' own named
 * here, and the table lists exactly the names the sources register (each meter name
 * constant, in Prometheus form). A metric renamed in the code, in the table or in a query
 * fails here; {@code MetricsIT} shows that every name in the table is in a real scrape.
 */
class MonitoringFilesTest {

	private static final Path README = Path.of("..", "README.md");

	private static final Path SOURCES = Path.of("src", "main", "java");

	private static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "tukipiiri-dashboard.json");

	private static final Path ALERTS = Path.of("..", "deploy", "prometheus", "alerts.yaml");

	/**
	 * Names the files may use that are not Tukipiiri's: Prometheus' own {@code up}, and
	 * Spring Boot's, which {@code MetricsIT} finds in the scrape.
	 */
	static final Set<String> STANDARD = Set.of("up", "process_uptime_seconds", "http_server_requests_seconds_count");

	/** A meter name constant in the sources, e.g. {@code "tukipiiri.relay.lag"}. */
	private static final Pattern METER_NAME = Pattern
		.compile("static final String [A-Z_]+ = \"(tukipiiri\\.[a-z][a-z.]*[a-z])\";");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "offset", "bool", "inf", "nan");

	/** The suffixes a sample of a metric of each type may have. */
	private static final Map<String, List<String>> SUFFIXES = Map.of("gauge", List.of(""), "counter", List.of(""),
			"histogram", List.of("_bucket", "_count", "_sum", "_max"), "summary", List.of("_count", "_sum", "_max"));

	/** A row of the README's table. */
	record Documented(String type, Set<String> tags) {
	}

	@Test
	void theReadmeListsExactlyTheMetricsTheSourcesRegister() throws IOException {
		Map<String, Documented> documented = documentedMetrics();
		Set<String> registered = new TreeSet<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file, StandardCharsets.UTF_8);
				if (!source.contains("io.micrometer")) {
					continue;
				}
				Matcher name = METER_NAME.matcher(source);
				while (name.find()) {
					registered.add(name.group(1));
				}
			}
		}
		assertThat(registered).as("meter names in the sources").hasSizeGreaterThanOrEqualTo(12);
		Set<String> expected = new TreeSet<>();
		for (String meter : registered) {
			String base = meter.replace('.', '_');
			List<String> forms = Stream.of(base, base + "_total", base + "_seconds")
				.filter(documented::containsKey)
				.toList();
			assertThat(forms).as("README rows for the meter %s", meter).hasSize(1);
			String form = forms.get(0);
			String type = documented.get(form).type();
			String suffix = form.substring(base.length());
			assertThat(suffix).as("the Prometheus name of the %s %s", type, meter).isEqualTo(switch (type) {
				case "counter" -> "_total";
				case "histogram", "summary" -> "_seconds";
				default -> "";
			});
			expected.add(form);
		}
		assertThat(documented.keySet()).as("metrics in the README").containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void theDashboardAsksOnlyForRegisteredMetricsAndShowsEachOfThem() throws IOException {
		List<String> queries = dashboardQueries();
		assertThat(queries).as("queries in the dashboard").hasSizeGreaterThan(10);
		Set<String> used = checkQueries("the dashboard", queries);
		Set<String> shown = new TreeSet<>();
		for (String name : used) {
			documentedMetrics().keySet()
				.stream()
				.filter(metric -> name.equals(metric) || name.startsWith(metric + "_"))
				.forEach(shown::add);
		}
		assertThat(shown).as("metrics the dashboard shows").containsAll(documentedMetrics().keySet());
	}

	@Test
	void theAlertRulesAskOnlyForRegisteredMetrics() throws IOException {
		List<String> queries = new ArrayList<>();
		Map<String, Object> rules = new Yaml().load(Files.readString(ALERTS, StandardCharsets.UTF_8));
		for (Object group : (List<?>) rules.get("groups")) {
			for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
				Map<?, ?> alert = (Map<?, ?>) rule;
				assertThat(alert.get("alert")).as("a rule's name").isNotNull();
				assertThat(((Map<?, ?>) alert.get("labels")).get("severity"))
					.as("the severity of %s", alert.get("alert"))
					.isIn("critical", "warning");
				queries.add((String) alert.get("expr"));
			}
		}
		Set<String> used = checkQueries("the alert rules", queries);
		assertThat(used).as("the alerts watch readiness, relay lag, both jobs, refusals and server errors")
			.contains("tukipiiri_node_ready", "up", "tukipiiri_relay_lag_seconds_bucket", "tukipiiri_job_runs_total",
					"tukipiiri_refusals_total", "http_server_requests_seconds_count");
		assertThat(String.join("\n", queries)).contains("task=\"retention\"", "task=\"session-lifecycle\"");
	}

	@Test
	void aRenamedMetricIsCaught() {
		assertThat(metricNames("sum(rate(tukipiiri_messages_stored_total{kind=\"text\"}[5m])) by (kind)"))
			.containsExactly("tukipiiri_messages_stored_total");
		assertThat(metricNames(
				"histogram_quantile(0.95, sum by (le) (rate(tukipiiri_relay_lag_seconds_bucket[5m]))) > 0.25 and on () up"))
			.containsExactly("tukipiiri_relay_lag_seconds_bucket", "up");
		assertThat(unknown(Set.of("tukipiiri_messages_total", "tukipiiri_relay_lag_seconds_bucket",
				"tukipiiri_connections_live_max", "http_requests_total")))
			.containsExactly("http_requests_total", "tukipiiri_connections_live_max", "tukipiiri_messages_total");
	}

	/**
	 * The metrics of the README's Metrics table, by their Prometheus name: type and tag
	 * names.
	 */
	static Map<String, Documented> documentedMetrics() {
		List<String> lines = read(README).lines().toList();
		int start = lines.indexOf("## Metrics");
		assertThat(start).as("the README has a section ## Metrics").isNotNegative();
		Map<String, Documented> metrics = new LinkedHashMap<>();
		Pattern row = Pattern.compile("^\\| `([a-z_]+)` \\| ([a-z]+) \\| ([^|]*) \\|");
		Pattern tag = Pattern.compile("(?:^|, )`([a-z_]+)`");
		for (String line : lines.subList(start + 1, lines.size())) {
			if (line.startsWith("## ")) {
				break;
			}
			Matcher cells = row.matcher(line);
			if (cells.find()) {
				Set<String> tags = new TreeSet<>();
				Matcher names = tag.matcher(cells.group(3).replaceAll("\\([^)]*\\)", ""));
				while (names.find()) {
					tags.add(names.group(1));
				}
				assertThat(SUFFIXES).as("the type of %s", cells.group(1)).containsKey(cells.group(2));
				metrics.put(cells.group(1), new Documented(cells.group(2), tags));
			}
		}
		assertThat(metrics).as("rows of the README's Metrics table").hasSizeGreaterThanOrEqualTo(12);
		return metrics;
	}

	/**
	 * Every metric name in {@code queries}; fails for a name not registered, and for a
	 * label matcher on a Tukipiiri metric naming a tag it does not have.
	 */
	private static Set<String> checkQueries(String where, List<String> queries) {
		Set<String> used = new TreeSet<>();
		Map<String, Documented> documented = documentedMetrics();
		Pattern selector = Pattern.compile("(tukipiiri_[a-z_]+)\\{([^}]*)}");
		Pattern key = Pattern.compile("([a-z_]+)\\s*(?:=~|!=|!~|=)");
		for (String query : queries) {
			used.addAll(metricNames(query));
			Matcher matched = selector.matcher(query);
			while (matched.find()) {
				String metric = base(matched.group(1), documented);
				Matcher keys = key.matcher(matched.group(2));
				while (keys.find()) {
					if (!Set.of("instance", "job", "le").contains(keys.group(1))) {
						assertThat(documented.get(metric).tags()).as("tags of %s asked for in %s", metric, where)
							.contains(keys.group(1));
					}
				}
			}
		}
		assertThat(unknown(used)).as("metric names in %s that the application does not register", where).isEmpty();
		return used;
	}

	private static String base(String name, Map<String, Documented> documented) {
		return documented.keySet()
			.stream()
			.filter(metric -> SUFFIXES.get(documented.get(metric).type())
				.stream()
				.anyMatch(suffix -> name.equals(metric + suffix)))
			.findFirst()
			.orElse(name);
	}

	private static Set<String> unknown(Set<String> names) {
		Map<String, Documented> documented = documentedMetrics();
		Set<String> unknown = new TreeSet<>();
		for (String name : names) {
			if (!STANDARD.contains(name) && !documented.containsKey(base(name, documented))) {
				unknown.add(name);
			}
		}
		return unknown;
	}

	/**
	 * The metric names of one PromQL query: what is left of its identifiers once strings,
	 * label matchers, ranges, grouping clauses, function names and keywords are taken
	 * out; of {@code label_values(metric, label)}, the metric.
	 */
	static Set<String> metricNames(String query) {
		String bare = query.replaceAll("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,[^)]*\\)", "$1")
			.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
			.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\[[^\\]]*]", " ")
			.replaceAll("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
			.replaceAll("\\$[a-zA-Z_]+", " ");
		Set<String> names = new TreeSet<>();
		Matcher identifier = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(bare);
		while (identifier.find()) {
			if (identifier.group(2) == null && !KEYWORDS.contains(identifier.group(1).toLowerCase())) {
				names.add(identifier.group(1));
			}
		}
		return names;
	}

	/** Every {@code expr} of the dashboard's targets and every query of its variables. */
	private static List<String> dashboardQueries() {
		JsonNode dashboard = JsonMapper.builder().build().readTree(read(DASHBOARD));
		List<String> queries = new ArrayList<>();
		collect(dashboard.path("panels"), queries);
		for (JsonNode variable : dashboard.path("templating").path("list")) {
			if ("query".equals(variable.path("type").asString())) {
				JsonNode query = variable.path("query");
				queries.add(query.isObject() ? query.path("query").asString() : query.asString());
			}
		}
		return queries;
	}

	private static void collect(JsonNode node, List<String> queries) {
		if (node.isObject()) {
			JsonNode expr = node.path("expr");
			if (expr.isString()) {
				queries.add(expr.asString());
			}
			node.forEach(child -> collect(child, queries));
		}
		else if (node.isArray()) {
			node.forEach(child -> collect(child, queries));
		}
	}

	private static String read(Path path) {
		try {
			return Files.readString(path, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
