package fi.tukipiiri.webclient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a browser scenario from {@code web-client/e2e} (Node with playwright-core driving
 * the system's Chromium) against a node started by the test, and fails with the
 * scenario's own output.
 */
final class BrowserScenarios {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path WEB_CLIENT = Path.of("..", "web-client").toAbsolutePath().normalize();

	private BrowserScenarios() {
	}

	static void run(String scenario, String baseUrl, Map<String, String> environment)
			throws IOException, InterruptedException {
		assertThat(CHROMIUM).as("Chromium is needed for browser tests; .ci/run installs Debian's chromium package")
			.exists();
		assertThat(WEB_CLIENT.resolve("node_modules/playwright-core"))
			.as("the web-client build installs playwright-core")
			.exists();
		ProcessBuilder builder = new ProcessBuilder("node", "e2e/" + scenario).directory(WEB_CLIENT.toFile())
			.redirectErrorStream(true);
		builder.environment().put("TUKIPIIRI_BASE_URL", baseUrl);
		builder.environment().putAll(environment);
		Process process = builder.start();
		StringBuilder output = new StringBuilder();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				System.out.println("[" + scenario + "] " + line);
				output.append(line).append('\n');
			}
		}
		boolean finished = process.waitFor(5, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly();
		}
		assertThat(finished).as("browser scenario %s finished in time", scenario).isTrue();
		assertThat(process.exitValue()).as("browser scenario %s failed:%n%s", scenario, output).isZero();
	}

}
