package fi.tukipiiri.workbook;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import fi.tukipiiri.series.LocalizedText;

/**
 * One answer in a person's workbook, as its writer reads it.
 *
 * @param seriesId the series the session belongs to
 * @param seriesTitle that series' title
 * @param position the session's place in the series, from 1
 * @param theme the session's theme
 * @param exercise the session's exercise, language code → text, as its template has it
 * now; empty when it has none
 * @param answer the answer, folded by the text policy
 * @param sharedAt when its writer last shared it with the group; null when never
 */
public record WorkbookEntry(UUID seriesId, String seriesTitle, int position, LocalizedText theme,
		Map<String, String> exercise, String answer, Instant createdAt, Instant updatedAt, Instant sharedAt) {
}
