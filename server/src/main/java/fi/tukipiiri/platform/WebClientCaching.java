package fi.tukipiiri.platform;

import java.time.Duration;
import java.util.Arrays;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How browsers keep the web client. Its built files under {@code /assets/} carry a hash
 * of their content in their names, so they are kept for a year and never asked for again
 * (RFC 9111 {@code max-age}, RFC 8246 {@code immutable}). Everything else,
 * {@code index.html} first, is asked about again on every load ({@code no-cache},
 * answered 304 while it has not changed, set by
 * {@code spring.web.resources.cache.cachecontrol.no-cache}): after a deploy the browser
 * reads the new page, which names the new assets, instead of asking for files that no
 * longer exist.
 */
@Configuration(proxyBeanMethods = false)
class WebClientCaching implements WebMvcConfigurer {

	/** How long content-hashed files are kept. */
	static final Duration HASHED_ASSETS = Duration.ofDays(365);

	private final String[] assetLocations;

	WebClientCaching(WebProperties web) {
		this.assetLocations = Arrays.stream(web.getResources().getStaticLocations())
			.map(location -> location.endsWith("/") ? location + "assets/" : location + "/assets/")
			.toArray(String[]::new);
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations(this.assetLocations)
			.setCacheControl(CacheControl.maxAge(HASHED_ASSETS).cachePublic().immutable());
	}

}
