package fi.tukipiiri.feedback;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param minAnswers fewest answers an aggregate (average, distribution, free texts) is
 * shown for; fewer are withheld so that no one can be singled out
 * @param editableFor how long after a session its feedback (and a self-assessment) can be
 * given or changed
 * @param selfAssessment the self-assessment items, in order
 */
@ConfigurationProperties("tukipiiri.feedback")
public record FeedbackSettings(@DefaultValue("5") int minAnswers, @DefaultValue("7d") Duration editableFor,
		@DefaultValue List<Item> selfAssessment) {

	/**
	 * One self-assessment statement, answered on a scale from {@code min} to {@code max};
	 * text per language.
	 */
	public record Item(String key, int min, int max, Map<String, String> text) {
	}
}
