package fi.tukipiiri.feedback;

import java.util.ArrayList;
import java.util.List;

/**
 * The numbers of an outcome report as CSV (RFC 4180): one line per section, session, item and metric. Withheld
 * aggregates read "withheld"; free texts are not exported.
 */
final class OutcomeCsv {

	private static final String WITHHELD = "withheld";

	private OutcomeCsv() {
	}

	static String of(OutcomeReport report) {
		List<String> lines = new ArrayList<>();
		lines.add("section,session,item,metric,value");
		add(lines, "series", "", "", "title", report.title());
		add(lines, "series", "", "", "capacity", report.capacity());
		add(lines, "series", "", "", "minimum", report.minParticipants());
		add(lines, "series", "", "", "enrolled", report.enrolled());
		add(lines, "series", "", "", "waitlisted", report.waitlisted());
		add(lines, "series", "", "", "fill_rate", report.fillRate());
		add(lines, "series", "", "", "attended_any", report.attendedAny());
		add(lines, "series", "", "", "drop_out", report.dropOut());
		feedback(lines, "series", "", report.feedback());
		for (OutcomeReport.SessionRow session : report.sessions()) {
			String position = Integer.toString(session.position());
			add(lines, "session", position, "", "state", session.state());
			add(lines, "session", position, "", "attended", session.attended());
			feedback(lines, "session", position, session.feedback());
		}
		for (OutcomeReport.ItemChange item : report.selfAssessment()) {
			scores(lines, item.key(), "first", item.first());
			scores(lines, item.key(), "last", item.last());
			scores(lines, item.key(), "change", item.change());
		}
		return String.join("\r\n", lines) + "\r\n";
	}

	private static void feedback(List<String> lines, String section, String session, OutcomeReport.Feedback feedback) {
		add(lines, section, session, "", "feedback_answers", feedback.answers());
		add(lines, section, session, "", "rating_average", feedback.withheld() ? WITHHELD : feedback.averageRating());
		for (int rating = 1; rating <= 5; rating++) {
			add(lines, section, session, "", "rating_" + rating, feedback.withheld() ? WITHHELD : feedback.ratingCounts().get(rating - 1));
		}
	}

	private static void scores(List<String> lines, String item, String phase, OutcomeReport.Scores scores) {
		add(lines, "self_assessment", "", item, phase + "_answers", scores.answers());
		add(lines, "self_assessment", "", item, phase + "_average", scores.withheld() ? WITHHELD : scores.average());
	}

	private static void add(List<String> lines, String section, String session, String item, String metric, Object value) {
		lines.add(String.join(",", field(section), field(session), field(item), field(metric), field(value == null ? "" : value.toString())));
	}

	/** Quotes a field that holds a comma, a quote or a line break; formula-like text is prefixed so spreadsheets show it as text. */
	private static String field(String value) {
		String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+") ? "'" + value : value;
		return safe.matches(".*[,\"\r\n].*") || safe.contains("\n") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
	}
}
