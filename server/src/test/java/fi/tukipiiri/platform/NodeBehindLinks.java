package fi.tukipiiri.platform;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import fi.tukipiiri.TukipiiriApplication;
import fi.tukipiiri.support.FaultyLink;

/**
 * A node of its own in the test's JVM, on the embedded PostgreSQL and Redis, reaching
 * either or both through a {@link FaultyLink} so that a test can stop or hang them.
 */
final class NodeBehindLinks {

	private NodeBehindLinks() {
	}

	/** A link to the embedded PostgreSQL. */
	static FaultyLink linkToPostgres() throws IOException {
		String url = (String) EmbeddedInfrastructure.postgresProperties(null).get("spring.datasource.url");
		return FaultyLink.to(URI.create(url.substring("jdbc:".length())).getPort());
	}

	/** A link to the embedded Redis. */
	static FaultyLink linkToRedis() throws IOException {
		return FaultyLink.to((Integer) EmbeddedInfrastructure.redisProperties().get("spring.data.redis.port"));
	}

	/**
	 * Starts a node (profile {@code test}, a random port) reaching PostgreSQL and Redis
	 * through the links given, directly where a link is null.
	 */
	static ConfigurableApplicationContext start(FaultyLink postgres, FaultyLink redis) {
		Map<String, Object> embeddedPostgres = EmbeddedInfrastructure.postgresProperties(null);
		Map<String, Object> embeddedRedis = EmbeddedInfrastructure.redisProperties();
		String postgresUrl = postgres == null ? (String) embeddedPostgres.get("spring.datasource.url")
				: "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres";
		Object redisPort = redis == null ? embeddedRedis.get("spring.data.redis.port") : redis.port();
		return new SpringApplicationBuilder(TukipiiriApplication.class).profiles("test")
			.run("--server.port=0", "--spring.datasource.url=" + postgresUrl,
					"--spring.datasource.username=" + embeddedPostgres.get("spring.datasource.username"),
					"--spring.datasource.password=" + embeddedPostgres.get("spring.datasource.password"),
					"--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redisPort);
	}

}
