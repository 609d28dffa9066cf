package fi.tukipiiri.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import fi.tukipiiri.TukipiiriApplication;

/**
 * More Tukipiiri nodes in the test's JVM: each on a random port, on the same embedded
 * PostgreSQL and Redis.
 */
public final class Nodes {

	private Nodes() {
	}

	/**
	 * A node with the test profile and these extra arguments (settings such as
	 * {@code --tukipiiri.x=y}).
	 */
	public static ConfigurableApplicationContext start(String... arguments) {
		return start(List.of(), arguments);
	}

	/**
	 * A node that also loads {@code configurations} (the shared test clock, for
	 * instance).
	 */
	public static ConfigurableApplicationContext start(List<Class<?>> configurations, String... arguments) {
		List<Class<?>> sources = new ArrayList<>(List.of(TukipiiriApplication.class));
		sources.addAll(configurations);
		List<String> all = new ArrayList<>(List.of("--server.port=0"));
		all.addAll(Arrays.asList(arguments));
		return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).profiles("test")
			.run(all.toArray(String[]::new));
	}

	/** Where the node answers, e.g. {@code http://localhost:41234}. */
	public static String baseUrl(ConfigurableApplicationContext node) {
		return "http://localhost:" + node.getEnvironment().getRequiredProperty("local.server.port");
	}

}
