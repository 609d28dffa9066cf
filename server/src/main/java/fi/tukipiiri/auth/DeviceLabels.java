package fi.tukipiiri.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * A short, coarse name for the device a sign-in came from, read from the browser's
 * {@code User-Agent} (RFC 9110 §10.1.5) at sign-in, for the person's own list of
 * sign-ins: the browser family and the operating system, {@code "Firefox, Android"}, and
 * nothing finer (no versions, no device models), so the label cannot single a device out.
 * Only the label is stored, never the header. {@code null} when neither part is known.
 * The order of the checks matters: Edge, Opera and Samsung Internet also say "Chrome",
 * and every Chromium browser also says "Safari". Used for sign-ins and for devices with
 * Web Push.
 */
public final class DeviceLabels {

	/** Browsers put what matters early; a longer header is read only this far. */
	private static final int READ_AT_MOST = 512;

	private DeviceLabels() {
	}

	/** The label, e.g. {@code "Firefox, Android"}; null when neither part is known. */
	public static String of(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return null;
		}
		String ua = userAgent.length() > READ_AT_MOST ? userAgent.substring(0, READ_AT_MOST) : userAgent;
		List<String> parts = new ArrayList<>(2);
		String browser = browser(ua);
		if (browser != null) {
			parts.add(browser);
		}
		String system = system(ua);
		if (system != null) {
			parts.add(system);
		}
		return parts.isEmpty() ? null : String.join(", ", parts);
	}

	private static String browser(String ua) {
		if (ua.contains("Edg/") || ua.contains("EdgA/") || ua.contains("EdgiOS/")) {
			return "Edge";
		}
		if (ua.contains("OPR/") || ua.contains("Opera")) {
			return "Opera";
		}
		if (ua.contains("SamsungBrowser/")) {
			return "Samsung Internet";
		}
		if (ua.contains("Firefox/") || ua.contains("FxiOS/")) {
			return "Firefox";
		}
		if (ua.contains("Chrome/") || ua.contains("CriOS/") || ua.contains("Chromium/")) {
			return "Chrome";
		}
		if (ua.contains("Safari/") && ua.contains("Version/")) {
			return "Safari";
		}
		return null;
	}

	private static String system(String ua) {
		if (ua.contains("Android")) {
			return "Android";
		}
		if (ua.contains("iPhone") || ua.contains("iPad") || ua.contains("iPod")) {
			return "iOS";
		}
		if (ua.contains("CrOS")) {
			return "ChromeOS";
		}
		if (ua.contains("Windows")) {
			return "Windows";
		}
		if (ua.contains("Macintosh") || ua.contains("Mac OS X")) {
			return "macOS";
		}
		if (ua.contains("Linux")) {
			return "Linux";
		}
		return null;
	}

}
