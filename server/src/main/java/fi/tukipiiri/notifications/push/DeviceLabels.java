package fi.tukipiiri.notifications.push;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A coarse name for a device, from its User-Agent header: the browser's family and the
 * platform ({@code "Chrome, Android"}, {@code "Safari, iOS"}), so a person can tell their
 * devices apart in their own list. Versions, models and the rest of the header are not
 * kept. Empty when neither is recognised.
 */
final class DeviceLabels {

	// order matters: Edge and Opera also say Chrome, Chrome also says Safari
	private static final List<Map.Entry<String, String>> BROWSERS = List.of(Map.entry("Edg", "Edge"),
			Map.entry("OPR/", "Opera"), Map.entry("SamsungBrowser/", "Samsung Internet"),
			Map.entry("Firefox/", "Firefox"), Map.entry("FxiOS/", "Firefox"), Map.entry("CriOS/", "Chrome"),
			Map.entry("Chrome/", "Chrome"), Map.entry("Safari/", "Safari"));

	private static final List<Map.Entry<String, String>> PLATFORMS = List.of(Map.entry("Android", "Android"),
			Map.entry("iPhone", "iOS"), Map.entry("iPad", "iPadOS"), Map.entry("CrOS", "ChromeOS"),
			Map.entry("Windows", "Windows"), Map.entry("Mac OS X", "macOS"), Map.entry("Macintosh", "macOS"),
			Map.entry("Linux", "Linux"));

	private DeviceLabels() {
	}

	static String of(String userAgent) {
		if (userAgent == null) {
			return "";
		}
		return Stream.of(first(BROWSERS, userAgent), first(PLATFORMS, userAgent))
			.filter(name -> !name.isEmpty())
			.collect(Collectors.joining(", "));
	}

	private static String first(List<Map.Entry<String, String>> names, String userAgent) {
		return names.stream()
			.filter(entry -> userAgent.contains(entry.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse("");
	}

}
