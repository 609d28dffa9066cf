package fi.tukipiiri.series;

/**
 * A text in Finnish and English; Finnish is the service's first language and the
 * fallback.
 */
public record LocalizedText(String fi, String en) {
}
