package fi.tukipiiri.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.IntegrationTest;

/**
 * After a deploy a browser must read the new page: the page itself is revalidated on
 * every load, and only the content-hashed files it names are kept long.
 */
@IntegrationTest
class WebClientCachingIT {

	private static final Pattern ASSET = Pattern.compile("/assets/[A-Za-z0-9_.-]+\\.js");

	private static final HttpClient BROWSER = HttpClient.newHttpClient();

	@Autowired
	ApiClient api;

	@Test
	void thePageIsRevalidatedAndItsHashedAssetsAreKeptAYear() throws Exception {
		for (String page : new String[] { "/", "/index.html" }) {
			HttpResponse<String> response = load(page);
			assertThat(response.statusCode()).as(page).isEqualTo(200);
			assertThat(response.headers().firstValue("Cache-Control")).as(page)
				.hasValueSatisfying(value -> assertThat(value).contains("no-cache").doesNotContain("max-age=3600"));
		}
		Matcher asset = ASSET.matcher(load("/").body());
		assertThat(asset.find()).as("the page names its script").isTrue();
		HttpResponse<String> script = load(asset.group());
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Cache-Control"))
			.hasValueSatisfying(value -> assertThat(value).contains("max-age=31536000").contains("immutable"));
		assertThat(load("/assets/no-such-file.js").statusCode()).isEqualTo(404);
	}

	/** Asks as a browser does. */
	private HttpResponse<String> load(String path) throws IOException, InterruptedException {
		return BROWSER.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
