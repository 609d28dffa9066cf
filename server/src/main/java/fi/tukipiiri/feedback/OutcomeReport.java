package fi.tukipiiri.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fi.tukipiiri.rooms.RoomKind;
import fi.tukipiiri.series.Series;

/**
 * What a series achieved, in aggregates only: counts of attendance, and averages,
 * distributions and free texts of feedback and self-assessment, each withheld (only its
 * count shown) below the configured number of answers. Nothing in it names or identifies
 * a participant. Every figure is about parents: {@code attendedAny}, {@code dropOut} and
 * a session's {@code attended} count those present as participants, and the answers are
 * theirs; a session's facilitators and peer supporters, and administrators and
 * coordinators who looked in, are never counted.
 */
public record OutcomeReport(UUID seriesId, String title, RoomKind kind, Series.State state, int capacity,
		int minParticipants, int enrolled, int waitlisted, Double fillRate, int attendedAny, int dropOut,
		int minAnswers, List<SessionRow> sessions, Feedback feedback, List<ItemChange> selfAssessment) {

	public record SessionRow(UUID sessionId, int position, String themeFi, String themeSv, String themeEn,
			Instant startsAt, Series.SessionState state, int attended, Feedback feedback) {
	}

	/**
	 * Feedback of one session or of the whole series; everything but {@code answers} is
	 * null when withheld.
	 */
	public record Feedback(int answers, boolean withheld, Double averageRating, List<Integer> ratingCounts,
			List<String> helped, List<String> better, List<String> freeTexts) {
	}

	/**
	 * One self-assessment item at the first and the last meeting, and the average change
	 * of those who answered both.
	 */
	public record ItemChange(String key, Map<String, String> text, int min, int max, Scores first, Scores last,
			Scores change) {
	}

	public record Scores(int answers, boolean withheld, Double average) {
	}
}
