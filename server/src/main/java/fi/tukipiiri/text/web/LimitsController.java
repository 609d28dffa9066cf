package fi.tukipiiri.text.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.text.FieldLimit;
import fi.tukipiiri.text.FieldLimits;
import fi.tukipiiri.text.TextKind;
import fi.tukipiiri.text.TextPolicy;

/**
 * {@code GET /api/limits}: every text field's limits and the features' other numbers (the
 * largest history page), so that clients count against the server's own numbers.
 */
@RestController
class LimitsController {

	private final List<FieldLimits> features;

	LimitsController(List<FieldLimits> features) {
		this.features = features;
	}

	/**
	 * @param min least length in code points after folding
	 * @param max greatest length in code points after folding
	 * @param maxBytes greatest length in bytes of UTF-8, only for fields that have one
	 */
	record Limit(TextKind kind, int min, int max, Integer maxBytes) {
	}

	/**
	 * @param counts the features' other numbers by name (e.g. {@code historyPage})
	 */
	record Limits(int maxMarksPerCharacter, int maxBlankLines, Map<String, Limit> fields, Map<String, Integer> counts) {
	}

	@GetMapping("/api/limits")
	Limits limits() {
		Map<String, Limit> fields = new TreeMap<>();
		Map<String, Integer> counts = new TreeMap<>();
		for (FieldLimits feature : features) {
			counts.putAll(feature.counts());
			for (FieldLimit limit : feature.fieldLimits()) {
				fields.put(limit.field(), new Limit(limit.kind(), limit.min(), limit.max(),
						limit.maxBytes() > 0 ? limit.maxBytes() : null));
			}
		}
		return new Limits(TextPolicy.MAX_MARKS_PER_CHARACTER, TextPolicy.MAX_BLANK_LINES, fields, counts);
	}

}
