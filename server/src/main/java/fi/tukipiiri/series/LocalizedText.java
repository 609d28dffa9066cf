package fi.tukipiiri.series;

/**
 * A text in Finland's two official languages and English. Finnish is the service's first
 * language and always present; Swedish may be empty (the web client then shows the
 * Finnish text), never null.
 */
public record LocalizedText(String fi, String sv, String en) {

	public LocalizedText {
		sv = sv == null ? "" : sv;
	}

}
