package fi.tukipiiri.notifications.push;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Device labels name the browser's family and the platform, nothing more. */
class DeviceLabelsTest {

	@Test
	void namesTheBrowserAndThePlatformOnly() {
		assertThat(DeviceLabels.of("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/131.0.0.0 Mobile Safari/537.36"))
			.isEqualTo("Chrome, Android");
		assertThat(DeviceLabels.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
				+ "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"))
			.isEqualTo("Safari, iOS");
		assertThat(DeviceLabels.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"))
			.isEqualTo("Edge, Windows");
		assertThat(DeviceLabels.of("Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0"))
			.isEqualTo("Firefox, Android");
		assertThat(DeviceLabels.of("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36"))
			.isEqualTo("Samsung Internet, Android");
		assertThat(DeviceLabels
			.of("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7; rv:133.0) Gecko/20100101 " + "Firefox/133.0"))
			.isEqualTo("Firefox, macOS");
	}

	@Test
	void isEmptyForWhatItDoesNotKnow() {
		assertThat(DeviceLabels.of(null)).isEmpty();
		assertThat(DeviceLabels.of("curl/8.5.0")).isEmpty();
		assertThat(DeviceLabels.of("Java-http-client/17.0.15")).isEmpty();
	}

}
