package fi.tukipiiri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * The deployment artefacts under {@code deploy/} (the Dockerfile, the Compose file and
 * its nginx configuration, the Kustomize base and example overlay) agree with the
 * application as it is: its port and probe paths as {@code application.yml} sets them,
 * the environment variables it reads, the STOMP heart-beat the proxies must outlast, and
 * the settings the {@code prod} profile refuses to start without. A renamed property or a
 * changed port fails here, without a container runtime. The overlay is rendered with
 * {@code kubectl kustomize} when kubectl is installed, otherwise base and overlay are
 * read and put together here (namespace, images, JSON patches, the ConfigMap generator).
 */
class DeployManifestsTest {

	private static final Path DEPLOY = Path.of("..", "deploy");

	private static final Path RESOURCES = Path.of("src", "main", "resources");

	private static final Path OVERLAY = DEPLOY.resolve("k8s/overlays/example");

	private static final Path BASE = DEPLOY.resolve("k8s/base");

	/**
	 * The Deployment's shutdown budget, seconds: preStop + the drain + Spring's graceful
	 * shutdown + margin.
	 */
	private static final int SHUTDOWN_BUDGET_SECONDS = 45;

	/**
	 * The kubectl to render with; {@code -Dtukipiiri.deploy.kubectl=none} tries the
	 * fallback on a machine that has one.
	 */
	private static final String KUBECTL = System.getProperty("tukipiiri.deploy.kubectl", "kubectl");

	private static final String DRAIN_WINDOW = "SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE";

	private static final String UNREADY_FOR = "TUKIPIIRI_DRAIN_UNREADY_FOR";

	private static final String DRAIN_TIMEOUT = "TUKIPIIRI_DRAIN_TIMEOUT";

	private static Application app;

	private static List<Map<String, Object>> rendered;

	private static Map<String, Object> compose;

	private static Dockerfile dockerfile;

	/**
	 * What the application says about itself.
	 *
	 * @param port the HTTP port ({@code server.port})
	 * @param managementPort the actuator's port (the same unless
	 * {@code management.server.port} is set)
	 * @param readiness path of the readiness group
	 * @param liveness path of the liveness group
	 * @param heartbeat the STOMP heart-beat the broker offers
	 * @param properties every property the application or Spring Boot knows by name
	 * @param placeholders environment variables read by name from
	 * {@code application*.yml} (with their default, or {@code null} when required)
	 */
	record Application(int port, int managementPort, String readiness, String liveness, Duration heartbeat,
			Set<String> properties, Map<String, String> placeholders) {

		Set<String> probePaths() {
			return Set.of(readiness, liveness);
		}

		/**
		 * Whether the application reads this environment variable: named in a
		 * {@code ${…}} of its configuration, or setting a known property through relaxed
		 * binding.
		 */
		boolean reads(String variable) {
			if (placeholders.containsKey(variable)) {
				return true;
			}
			var environment = ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "x")));
			return properties.stream()
				.anyMatch(property -> environment
					.getConfigurationProperty(ConfigurationPropertyName.of(property)) != null);
		}

	}

	/** The Dockerfile's last stage, as the instructions that matter here. */
	record Dockerfile(Map<String, String> env, List<String> healthcheck, List<String> entrypoint, Set<Integer> exposed,
			String user) {
	}

	@BeforeAll
	static void read() throws Exception {
		app = application();
		rendered = kustomize();
		compose = yaml(DEPLOY.resolve("compose.yaml"));
		dockerfile = dockerfile(DEPLOY.resolve("Dockerfile"));
	}

	@Test
	void kubernetesProbesAndPortsAreTheApplications() {
		Map<String, Object> container = container();
		Map<String, Integer> ports = new LinkedHashMap<>();
		for (Object port : list(container.get("ports"))) {
			ports.put(string(map(port).get("name")), integer(map(port).get("containerPort")));
		}
		assertThat(ports).as("the container's port is server.port").containsValue(app.port());
		assertProbe(container, "startupProbe", app.liveness(), ports);
		assertProbe(container, "readinessProbe", app.readiness(), ports);
		assertProbe(container, "livenessProbe", app.liveness(), ports);

		Map<String, Object> service = resource("Service", "tukipiiri");
		Map<String, Object> selector = map(at(service, "spec", "selector"));
		assertThat(map(at(deployment(), "spec", "template", "metadata", "labels"))).as("the Service selects the pods")
			.containsAllEntriesOf(cast(selector));
		Map<String, Object> servicePort = map(list(at(service, "spec", "ports")).get(0));
		assertThat(port(servicePort.get("targetPort"), ports)).as("the Service forwards to server.port")
			.isEqualTo(app.port());

		Map<String, Object> backend = map(
				at(resource("Ingress", "tukipiiri"), "spec", "rules", 0, "http", "paths", 0, "backend", "service"));
		assertThat(backend.get("name")).isEqualTo("tukipiiri");
		assertThat(at(backend, "port", "name")).as("the Ingress uses the Service's port")
			.isEqualTo(servicePort.get("name"));

		Map<String, Object> policy = resource("NetworkPolicy", "tukipiiri");
		assertThat(port(at(policy, "spec", "ingress", 0, "ports", 0, "port"), ports))
			.as("the NetworkPolicy lets the ingress controller reach server.port")
			.isEqualTo(app.port());
	}

	@Test
	void kubernetesShutdownBudgetAddsUp() {
		Map<String, Object> pod = map(at(deployment(), "spec", "template", "spec"));
		int grace = integer(pod.get("terminationGracePeriodSeconds"));
		int preStop = integer(at(container(), "lifecycle", "preStop", "sleep", "seconds"));
		Duration shutdown = shutdownTakesAtMost(configMap());
		assertThat(grace).as("the named shutdown budget").isEqualTo(SHUTDOWN_BUDGET_SECONDS);
		assertThat(preStop + shutdown.toSeconds())
			.as("preStop + the drain + graceful shutdown leave a margin before SIGKILL")
			.isLessThan(grace);
		Duration composeGrace = DurationStyle.detectAndParse(string(node("node-1").get("stop_grace_period")));
		assertThat(composeGrace).as("Compose waits out the drain and the graceful shutdown too")
			.isGreaterThan(shutdownTakesAtMost(map(node("node-1").get("environment"))));
	}

	/**
	 * The longest a node takes from SIGTERM to exit under these settings: the drain's
	 * unready window, its two waits (messages in hand, clients leaving) and one phase of
	 * Spring's graceful shutdown.
	 */
	private static Duration shutdownTakesAtMost(Map<String, ?> settings) {
		Duration unready = DurationStyle.detectAndParse(string(settings.get(UNREADY_FOR)));
		Duration drainTimeout = DurationStyle.detectAndParse(string(settings.get(DRAIN_TIMEOUT)));
		Duration graceful = DurationStyle.detectAndParse(string(settings.get(DRAIN_WINDOW)));
		return unready.plus(drainTimeout.multipliedBy(2)).plus(graceful);
	}

	@Test
	void kubernetesRunsSeveralLockedDownNodes() {
		Map<String, Object> spec = map(deployment().get("spec"));
		assertThat(integer(spec.get("replicas"))).isGreaterThanOrEqualTo(2);
		Map<String, Object> hpa = resource("HorizontalPodAutoscaler", "tukipiiri");
		assertThat(at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo("tukipiiri");
		assertThat(integer(at(hpa, "spec", "minReplicas"))).isGreaterThanOrEqualTo(2)
			.isLessThanOrEqualTo(integer(at(hpa, "spec", "maxReplicas")));
		assertThat(map(at(spec, "template", "metadata", "labels"))).containsAllEntriesOf(
				cast(map(at(resource("PodDisruptionBudget", "tukipiiri"), "spec", "selector", "matchLabels"))));
		assertThat(at(spec, "template", "spec", "affinity", "podAntiAffinity")).isNotNull();

		Map<String, Object> pod = map(at(spec, "template", "spec"));
		assertThat(at(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
		assertThat(string(at(pod, "securityContext", "runAsUser"))).as("the image's user")
			.isEqualTo(dockerfile.user().split(":")[0]);
		Map<String, Object> container = container();
		assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
		assertThat(at(container, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
		assertThat(list(at(container, "securityContext", "capabilities", "drop"))).containsExactly("ALL");
		assertThat(list(container.get("volumeMounts"))).extracting(mount -> map(mount).get("mountPath"))
			.contains("/tmp");
		assertThat(map(at(container, "resources", "requests"))).containsKeys("cpu", "memory");
		assertThat(map(at(container, "resources", "limits"))).containsKeys("memory");
	}

	@Test
	void everyEnvironmentVariableIsOneTheApplicationReads() {
		Map<String, String> kubernetes = kubernetesEnvironment();
		Map<String, String> nodes = new LinkedHashMap<>();
		for (String name : nodeServices()) {
			map(node(name).get("environment")).forEach((key, value) -> nodes.put(key, string(value)));
		}
		Set<String> all = new TreeSet<>(kubernetes.keySet());
		all.addAll(nodes.keySet());
		all.addAll(dockerfile.env().keySet());
		assertThat(all).as("the variables are found").contains("SPRING_DATASOURCE_URL", "TUKIPIIRI_AUTH_JWT_SECRET");
		for (String variable : all) {
			assertThat(app.reads(variable)).as("%s is read by the application", variable).isTrue();
		}

		for (Map<String, String> environment : List.of(kubernetes, nodes)) {
			assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
			// what EmbeddedInfrastructurePostProcessor and application-prod.yml refuse to
			// start
			// without
			assertThat(environment).containsKey("SPRING_DATASOURCE_URL");
			assertThat(environment.keySet()).containsAnyOf("SPRING_DATA_REDIS_URL", "SPRING_DATA_REDIS_HOST");
			app.placeholders().forEach((variable, fallback) -> {
				if (fallback == null) {
					assertThat(environment).as("%s, required by application*.yml", variable).containsKey(variable);
				}
			});
		}
		assertThat(dockerfile.env()).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
		assertThat(RESOURCES.resolve("application-prod.yml")).exists();
	}

	@Test
	void noSecretValueIsWrittenDown() {
		Pattern secret = Pattern.compile("PASSWORD|SECRET");
		for (Object entry : list(container().get("env"))) {
			String name = string(map(entry).get("name"));
			if (secret.matcher(name).find()) {
				assertThat(at(entry, "valueFrom", "secretKeyRef", "name")).as("%s comes from a Secret", name)
					.isEqualTo("tukipiiri-secrets");
			}
		}
		assertThat(configMap().keySet()).noneMatch(key -> secret.matcher(key).find());
		assertThat(rendered).as("no Secret is part of the manifests")
			.noneMatch(resource -> "Secret".equals(resource.get("kind")));
		for (String name : nodeServices()) {
			map(node(name).get("environment")).forEach((key, value) -> {
				if (secret.matcher(key).find()) {
					assertThat(string(value)).as("%s comes from deploy/.env", key).startsWith("${");
				}
			});
		}
		assertThat(dockerfile.env().keySet()).noneMatch(key -> secret.matcher(key).find());
	}

	@Test
	void imageNamesAgree() throws IOException {
		String baseImage = string(
				at(yaml(BASE.resolve("deployment.yaml")), "spec", "template", "spec", "containers", 0, "image"));
		Map<String, Object> overlay = yaml(OVERLAY.resolve("kustomization.yaml"));
		Map<String, Object> replacement = map(list(overlay.get("images")).get(0));
		assertThat(replacement.get("name")).as("the overlay replaces the base's image").isEqualTo(baseImage);
		assertThat(container().get("image")).isEqualTo(replacement.get("newName") + ":" + replacement.get("newTag"));
		for (String name : nodeServices()) {
			assertThat(string(node(name).get("image"))).as("Compose runs the same image").startsWith(baseImage + ":");
		}
		assertThat(dockerfile.entrypoint()).contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError")
			.last()
			.isEqualTo("org.springframework.boot.loader.launch.JarLauncher");
	}

	@Test
	void healthChecksProbeTheApplication() throws IOException {
		assertThat(dockerfile.exposed()).containsExactly(app.port());
		assertThat(dockerfile.healthcheck()).as("the image checks liveness")
			.containsExactly("probe", String.valueOf(app.managementPort()), app.liveness());
		assertThat(Files.readString(DEPLOY.resolve("probe.sh").toAbsolutePath(), StandardCharsets.UTF_8))
			.contains("/dev/tcp/127.0.0.1/$1");
		for (String name : nodeServices()) {
			List<Object> test = list(at(node(name), "healthcheck", "test"));
			assertThat(test).as("%s's health check", name).hasSize(4).startsWith("CMD", "probe");
			assertThat(string(test.get(2))).isEqualTo(String.valueOf(app.managementPort()));
			assertThat(app.probePaths()).contains(string(test.get(3)));
			assertThat(map(node(name).get("depends_on"))).containsOnlyKeys("postgres", "redis");
		}
		Map<String, Object> services = map(compose.get("services"));
		services.forEach((name, service) -> {
			assertThat(map(service).get("healthcheck")).as("%s has a health check", name).isNotNull();
			Object dependsOn = map(service).get("depends_on");
			if (dependsOn != null) {
				map(dependsOn).forEach((other, condition) -> assertThat(at(condition, "condition"))
					.as("%s waits for %s to be healthy", name, other)
					.isEqualTo("service_healthy"));
			}
		});
		assertThat(map(at(services, "nginx", "depends_on"))).containsOnlyKeys(nodeServices().toArray(String[]::new));
		Set<String> volumes = map(compose.get("volumes")).keySet();
		for (String stateful : List.of("postgres", "redis")) {
			assertThat(list(at(services, stateful, "volumes"))).as("%s keeps its data in a named volume", stateful)
				.anyMatch(volume -> volumes.contains(string(volume).split(":")[0]));
		}
	}

	/**
	 * {@code /actuator/prometheus} needs no token, so neither proxy may route
	 * {@code /actuator/} from outside; the cluster's Prometheus reaches the pods on
	 * {@code server.port}.
	 */
	@Test
	void theActuatorIsForTheClusterOnly() throws IOException {
		Map<String, Object> nginx = map(at(compose, "services", "nginx"));
		String mount = string(list(nginx.get("volumes")).get(0));
		String config = Files.readString(DEPLOY.resolve(mount.split(":")[0])).replaceAll("(?m)#.*$", "");
		assertThat(config).as("nginx answers 404 for the actuator")
			.containsPattern("location\\s+/actuator/\\s*\\{\\s*return\\s+404;\\s*}");

		Map<String, Object> actuator = resource("Ingress", "tukipiiri-actuator");
		assertThat(map(at(actuator, "metadata", "annotations")))
			.as("the Ingress refuses every address on the actuator's path")
			.containsEntry("nginx.ingress.kubernetes.io/denylist-source-range", "0.0.0.0/0,::/0");
		assertThat(at(actuator, "spec", "rules", 0, "http", "paths", 0, "path")).isEqualTo("/actuator");
		Map<String, Object> main = resource("Ingress", "tukipiiri");
		assertThat(at(actuator, "spec", "rules", 0, "host")).as("on the main Ingress's host")
			.isEqualTo(at(main, "spec", "rules", 0, "host"));

		Map<String, Object> pod = map(at(resource("Deployment", "tukipiiri"), "spec", "template", "metadata"));
		assertThat(map(pod.get("annotations"))).containsEntry("prometheus.io/path", "/actuator/prometheus")
			.containsEntry("prometheus.io/port", String.valueOf(app.port()));
		List<Object> from = list(at(resource("NetworkPolicy", "tukipiiri"), "spec", "ingress"));
		assertThat(from).as("the NetworkPolicy lets Prometheus in on the application's port")
			.anyMatch(rule -> String.valueOf(rule).contains("prometheus")
					&& String.valueOf(at(rule, "ports", 0, "port")).equals("http"));
	}

	@Test
	void proxiesPassWebSocketsAndOutlastTheHeartbeat() throws IOException {
		Map<String, Object> nginx = map(at(compose, "services", "nginx"));
		String mount = string(list(nginx.get("volumes")).get(0));
		String config = Files.readString(DEPLOY.resolve(mount.split(":")[0])).replaceAll("(?m)#.*$", "");
		Set<String> upstream = new LinkedHashSet<>();
		Matcher server = Pattern.compile("(?m)^\\s*server\\s+([a-z0-9-]+):(\\d+)").matcher(config);
		while (server.find()) {
			assertThat(Integer.parseInt(server.group(2))).as("nginx reaches %s at server.port", server.group(1))
				.isEqualTo(app.port());
			upstream.add(server.group(1));
		}
		assertThat(upstream).as("nginx sends to every node").containsExactlyInAnyOrderElementsOf(nodeServices());

		Matcher listen = Pattern.compile("listen\\s+(\\d+)").matcher(config);
		assertThat(listen.find()).isTrue();
		assertThat(list(nginx.get("ports"))).as("published on the port nginx listens on, so X-Forwarded-Port is right")
			.containsExactly(listen.group(1) + ":" + listen.group(1));
		for (String header : List.of("X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port",
				"Upgrade", "Connection", "Host")) {
			assertThat(config).as("nginx sends %s", header)
				.containsPattern("proxy_set_header\\s+" + Pattern.quote(header) + "\\s");
		}
		assertThat(config).containsPattern("proxy_http_version\\s+1\\.1;");
		Matcher ws = Pattern.compile("location\\s+/ws\\s*\\{([^}]*)}").matcher(config);
		assertThat(ws.find()).as("a location for the WebSocket").isTrue();
		for (String timeout : List.of("proxy_read_timeout", "proxy_send_timeout")) {
			Matcher value = Pattern.compile(timeout + "\\s+(\\S+);").matcher(ws.group(1));
			assertThat(value.find()).as("/ws sets %s", timeout).isTrue();
			assertThat(DurationStyle.detectAndParse(value.group(1))).as("%s outlasts the heart-beat", timeout)
				.isGreaterThan(app.heartbeat().multipliedBy(2));
		}

		Map<String, Object> annotations = map(at(resource("Ingress", "tukipiiri"), "metadata", "annotations"));
		for (String timeout : List.of("proxy-read-timeout", "proxy-send-timeout")) {
			Object seconds = annotations.get("nginx.ingress.kubernetes.io/" + timeout);
			assertThat(seconds).as("the Ingress sets %s", timeout).isNotNull();
			assertThat(Duration.ofSeconds(Long.parseLong(string(seconds)))).as("%s outlasts the heart-beat", timeout)
				.isGreaterThan(app.heartbeat().multipliedBy(2));
		}
	}

	@Test
	void theFallbackRendersAsKustomizeDoes() throws Exception {
		assumeTrue(kubectl(), "kubectl is not installed: the fallback is all there is to compare");
		List<Map<String, Object>> byKubectl = rendered;
		List<Map<String, Object>> byHand = assemble();
		assertThat(kinds(byHand)).isEqualTo(kinds(byKubectl));
		for (Map<String, Object> resource : byKubectl) {
			String kind = string(resource.get("kind"));
			String name = string(at(resource, "metadata", "name"));
			Map<String, Object> mine = byHand.stream()
				// the same name; kubectl adds its hash to a generated ConfigMap's
				.filter(other -> kind.equals(other.get("kind")) && (name.equals(string(at(other, "metadata", "name")))
						|| kind.equals("ConfigMap") && name.startsWith(string(at(other, "metadata", "name")) + "-")))
				.findFirst()
				.orElseThrow();
			assertThat(at(mine, "metadata", "namespace")).isEqualTo(at(resource, "metadata", "namespace"));
			assertThat(mine.get(kind.equals("ConfigMap") ? "data" : "spec")).as("%s %s", kind, name)
				.isEqualTo(kind.equals("Deployment") ? withoutConfigMapHash(resource.get("spec"))
						: resource.get(kind.equals("ConfigMap") ? "data" : "spec"));
		}
	}

	// ---- the application

	private static Application application() throws Exception {
		Map<String, Object> yaml = flatYaml(RESOURCES.resolve("application.yml"));
		int port = Integer.parseInt(String.valueOf(yaml.getOrDefault("server.port", "8080")));
		int managementPort = Integer.parseInt(String.valueOf(yaml.getOrDefault("management.server.port", port)));
		assertThat(yaml.get("management.endpoint.health.probes.enabled")).as("probes are enabled").isEqualTo(true);
		assertThat(String.valueOf(yaml.get("management.endpoints.web.exposure.include"))).contains("health");
		assertThat(yaml).containsKeys("management.endpoint.health.group.readiness.include",
				"management.endpoint.health.group.liveness.include");
		String health = yaml.getOrDefault("management.endpoints.web.base-path", "/actuator") + "/"
				+ yaml.getOrDefault("management.endpoints.web.path-mapping.health", "health");

		String broker = Files.readString(Path.of("src/main/java/fi/tukipiiri/delivery/WebSocketConfiguration.java"));
		Matcher heartbeat = Pattern.compile("HEARTBEAT_MILLIS = ([0-9_]+);").matcher(broker);
		assertThat(heartbeat.find()).as("the broker's heart-beat is found").isTrue();

		Set<String> properties = new HashSet<>();
		ReadmeConfigurationTest.propertiesOfRecords().forEach(setting -> properties.add(setting.property()));
		ReadmeConfigurationTest.placeholders().forEach(setting -> properties.add(setting.property()));
		Map<String, String> placeholders = new LinkedHashMap<>();
		Pattern variable = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
		try (var files = Files.list(RESOURCES)) {
			for (Path file : files.filter(path -> path.getFileName().toString().matches("application.*\\.ya?ml"))
				.toList()) {
				flatYaml(file).keySet().forEach(key -> properties.add(key.replaceAll("\\[\\d+]", "")));
				Matcher found = variable.matcher(Files.readString(file));
				while (found.find()) {
					placeholders.put(found.group(1), found.group(2));
				}
			}
		}
		properties.addAll(springBootProperties());
		properties.removeIf(property -> !ConfigurationPropertyName.isValid(property));
		return new Application(port, managementPort, health + "/readiness", health + "/liveness",
				Duration.ofMillis(Long.parseLong(heartbeat.group(1).replace("_", ""))), properties, placeholders);
	}

	/**
	 * Every property Spring Boot's modules on the classpath describe in their metadata.
	 */
	private static Set<String> springBootProperties() throws IOException {
		Set<String> names = new HashSet<>();
		JsonMapper json = JsonMapper.builder().build();
		for (String file : List.of("META-INF/spring-configuration-metadata.json",
				"META-INF/additional-spring-configuration-metadata.json")) {
			Enumeration<URL> found = DeployManifestsTest.class.getClassLoader().getResources(file);
			while (found.hasMoreElements()) {
				try (InputStream in = found.nextElement().openStream()) {
					JsonNode properties = json.readTree(in).path("properties");
					properties.forEach(property -> names.add(property.path("name").asString()));
				}
			}
		}
		assertThat(names).as("Spring Boot's configuration metadata is on the classpath")
			.contains("server.port", "spring.datasource.url", "spring.data.redis.host", "spring.profiles.active",
					"spring.lifecycle.timeout-per-shutdown-phase");
		return names;
	}

	private static Map<String, Object> flatYaml(Path file) throws IOException {
		Map<String, Object> values = new LinkedHashMap<>();
		for (PropertySource<?> source : new YamlPropertySourceLoader().load(file.toString(),
				new FileSystemResource(file))) {
			if (source.getSource() instanceof Map<?, ?> map) {
				map.forEach((key, value) -> values.put(key.toString(), unwrap(value)));
			}
		}
		return values;
	}

	/** YAML property sources wrap values to remember their origin. */
	private static Object unwrap(Object value) {
		if (value instanceof org.springframework.boot.origin.OriginTrackedValue tracked) {
			return tracked.getValue();
		}
		return value;
	}

	// ---- Kubernetes

	private static List<Map<String, Object>> kustomize() throws Exception {
		if (!kubectl()) {
			return assemble();
		}
		Process process = new ProcessBuilder(KUBECTL, "kustomize", OVERLAY.toString()).redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("kubectl kustomize: %s", output).isZero();
		List<Map<String, Object>> resources = new ArrayList<>();
		for (Object document : new Yaml().loadAll(output)) {
			resources.add(map(document));
		}
		return resources;
	}

	private static boolean kubectl() {
		try {
			Process process = new ProcessBuilder(KUBECTL, "version", "--client").redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException | InterruptedException notInstalled) {
			return false;
		}
	}

	/**
	 * The overlay put together without kustomize: the base's resources and generated
	 * ConfigMap, then the overlay's resources, namespace, image and JSON patches (the
	 * only features the two use).
	 */
	private static List<Map<String, Object>> assemble() throws IOException {
		Map<String, Object> base = yaml(BASE.resolve("kustomization.yaml"));
		Map<String, Object> overlay = yaml(OVERLAY.resolve("kustomization.yaml"));
		List<Map<String, Object>> resources = new ArrayList<>();
		for (Object file : list(overlay.get("resources"))) {
			if (!string(file).startsWith("..")) {
				resources.addAll(documents(OVERLAY.resolve(string(file))));
			}
		}
		for (Object file : list(base.get("resources"))) {
			resources.addAll(documents(BASE.resolve(string(file))));
		}
		for (Object generator : list(base.get("configMapGenerator"))) {
			Map<String, Object> data = new LinkedHashMap<>();
			for (Object literal : list(map(generator).get("literals"))) {
				String[] pair = string(literal).split("=", 2);
				data.put(pair[0], pair[1]);
			}
			resources.add(new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata",
					new LinkedHashMap<>(Map.of("name", map(generator).get("name"))), "data", data)));
		}
		Map<String, Object> image = map(list(overlay.get("images")).get(0));
		for (Map<String, Object> resource : resources) {
			if (!"Namespace".equals(resource.get("kind"))) {
				map(resource.get("metadata")).put("namespace", overlay.get("namespace"));
			}
			if ("Deployment".equals(resource.get("kind"))) {
				for (Object container : list(at(resource, "spec", "template", "spec", "containers"))) {
					if (image.get("name").equals(map(container).get("image"))) {
						map(container).put("image", image.get("newName") + ":" + image.get("newTag"));
					}
				}
			}
		}
		for (Object patch : list(overlay.get("patches"))) {
			Map<String, Object> target = map(map(patch).get("target"));
			Map<String, Object> resource = resources.stream()
				.filter(candidate -> target.get("kind").equals(candidate.get("kind"))
						&& target.get("name").equals(at(candidate, "metadata", "name")))
				.findFirst()
				.orElseThrow(() -> new AssertionError("patch target not found: " + target));
			for (Object operation : list(new Yaml().load(string(map(patch).get("patch"))))) {
				apply(resource, map(operation));
			}
		}
		return resources;
	}

	/** One JSON patch operation, {@code replace} or {@code add} (RFC 6902). */
	@SuppressWarnings("unchecked")
	private static void apply(Map<String, Object> resource, Map<String, Object> operation) {
		String op = string(operation.get("op"));
		assertThat(op).as("the fallback applies replace and add").isIn("replace", "add");
		String[] path = string(operation.get("path")).substring(1).split("/");
		Object parent = resource;
		for (int i = 0; i < path.length - 1; i++) {
			parent = step(parent, path[i]);
			assertThat(parent).as("path %s", operation.get("path")).isNotNull();
		}
		String last = path[path.length - 1];
		if (parent instanceof List<?> items) {
			((List<Object>) items).set(Integer.parseInt(last), operation.get("value"));
		}
		else {
			if (op.equals("replace")) {
				assertThat(map(parent)).as("replace needs %s", operation.get("path")).containsKey(last);
			}
			map(parent).put(last, operation.get("value"));
		}
	}

	private static Object step(Object node, String key) {
		return (node instanceof List<?> items) ? items.get(Integer.parseInt(key)) : map(node).get(key);
	}

	private static Map<String, Object> deployment() {
		return resource("Deployment", "tukipiiri");
	}

	private static Map<String, Object> container() {
		return map(at(deployment(), "spec", "template", "spec", "containers", 0));
	}

	private static Map<String, Object> resource(String kind, String name) {
		return rendered.stream()
			.filter(resource -> kind.equals(resource.get("kind")) && name.equals(at(resource, "metadata", "name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError(kind + " " + name + " is not in the rendered overlay"));
	}

	/** The generated ConfigMap the container takes its environment from. */
	private static Map<String, String> configMap() {
		String name = string(at(container(), "envFrom", 0, "configMapRef", "name"));
		Map<String, Object> found = rendered.stream()
			.filter(resource -> "ConfigMap".equals(resource.get("kind")))
			.filter(resource -> name.equals(at(resource, "metadata", "name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("ConfigMap " + name + " is not in the rendered overlay"));
		Map<String, String> data = new LinkedHashMap<>();
		map(found.get("data")).forEach((key, value) -> data.put(key, string(value)));
		return data;
	}

	/** The container's environment: the ConfigMap's keys and its own variables. */
	private static Map<String, String> kubernetesEnvironment() {
		Map<String, String> environment = new LinkedHashMap<>(configMap());
		for (Object entry : list(container().get("env"))) {
			Object value = map(entry).get("value");
			environment.put(string(map(entry).get("name")), value == null ? "(from a Secret)" : string(value));
		}
		return environment;
	}

	private static void assertProbe(Map<String, Object> container, String probe, String path,
			Map<String, Integer> ports) {
		assertThat(at(container, probe, "httpGet", "path")).as("%s path", probe).isEqualTo(path);
		assertThat(port(at(container, probe, "httpGet", "port"), ports)).as("%s port", probe)
			.isEqualTo(app.managementPort());
	}

	/** A port given by number or by the container port's name. */
	private static int port(Object port, Map<String, Integer> named) {
		if (port instanceof Number number) {
			return number.intValue();
		}
		assertThat(named).as("a container port named %s", port).containsKey(string(port));
		return named.get(string(port));
	}

	private static List<String> kinds(List<Map<String, Object>> resources) {
		return resources.stream()
			.map(resource -> resource.get("kind") + "/" + at(resource, "metadata", "name"))
			.map(name -> name.replaceAll("-[a-z0-9]{10}$", ""))
			.sorted()
			.toList();
	}

	/**
	 * The rendered Deployment's spec with the generated ConfigMap's hash suffix removed.
	 */
	private static Object withoutConfigMapHash(Object spec) {
		Object copy = new Yaml().load(new Yaml().dump(spec));
		Map<String, Object> reference = map(
				at(copy, "template", "spec", "containers", 0, "envFrom", 0, "configMapRef"));
		reference.put("name", string(reference.get("name")).replaceAll("-[a-z0-9]{10}$", ""));
		return copy;
	}

	// ---- Compose and the Dockerfile

	private static List<String> nodeServices() {
		List<String> nodes = new ArrayList<>();
		map(compose.get("services")).forEach((name, service) -> {
			if (map(service).get("build") != null) {
				nodes.add(name);
			}
		});
		assertThat(nodes).as("Compose runs two Tukipiiri nodes").hasSize(2);
		return nodes;
	}

	private static Map<String, Object> node(String name) {
		return map(at(compose, "services", name));
	}

	private static Dockerfile dockerfile(Path file) throws IOException {
		String text = Files.readString(file).replaceAll("\\\\\\n", " ");
		List<String> lines = text.lines().map(String::strip).filter(line -> !line.startsWith("#")).toList();
		int lastStage = 0;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith("FROM ")) {
				lastStage = i;
			}
		}
		Map<String, String> env = new LinkedHashMap<>();
		List<String> healthcheck = List.of();
		List<String> entrypoint = List.of();
		Set<Integer> exposed = new LinkedHashSet<>();
		String user = null;
		JsonMapper json = JsonMapper.builder().build();
		for (String line : lines.subList(lastStage, lines.size())) {
			String[] instruction = line.split("\\s+", 2);
			switch (instruction[0]) {
				case "ENV" -> {
					Matcher pair = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S*)")
						.matcher(instruction[1]);
					while (pair.find()) {
						env.put(pair.group(1), pair.group(2).replace("\"", ""));
					}
				}
				case "HEALTHCHECK" ->
					healthcheck = strings(json.readTree(instruction[1].replaceFirst("^.*?CMD\\s+", "")));
				case "ENTRYPOINT" -> entrypoint = strings(json.readTree(instruction[1]));
				case "EXPOSE" -> {
					for (String port : instruction[1].split("\\s+")) {
						exposed.add(Integer.parseInt(port.replace("/tcp", "")));
					}
				}
				case "USER" -> user = instruction[1];
				default -> {
				}
			}
		}
		assertThat(user).as("the image runs as a numeric non-root user").matches("[1-9][0-9]*(:[0-9]+)?");
		return new Dockerfile(env, healthcheck, entrypoint, exposed, user);
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(value -> values.add(value.asString()));
		return values;
	}

	// ---- YAML trees

	private static Map<String, Object> yaml(Path file) throws IOException {
		return map(new Yaml().load(Files.readString(file)));
	}

	private static List<Map<String, Object>> documents(Path file) throws IOException {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : new Yaml().loadAll(Files.readString(file))) {
			if (document != null) {
				documents.add(map(document));
			}
		}
		return documents;
	}

	/** The node at a path of map keys and list indexes, or null. */
	private static Object at(Object node, Object... path) {
		Object current = node;
		for (Object key : path) {
			if (current == null) {
				return null;
			}
			current = (key instanceof Integer index) ? (index < list(current).size() ? list(current).get(index) : null)
					: map(current).get(key);
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object node) {
		assertThat(node).isInstanceOf(Map.class);
		return (Map<String, Object>) node;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object node) {
		assertThat(node).isInstanceOf(List.class);
		return (List<Object>) node;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, ?> cast(Map<String, Object> map) {
		return (Map<String, ?>) (Map<?, ?>) map;
	}

	private static String string(Object value) {
		return value == null ? null : String.valueOf(value);
	}

	private static int integer(Object value) {
		return Integer.parseInt(String.valueOf(value));
	}

}
