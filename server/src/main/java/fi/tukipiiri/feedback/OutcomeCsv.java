package fi.tukipiiri.feedback;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers of an outcome report as CSV (RFC 4180, or the Finnish Excel dialect): one
 * line per section, session, item and metric. Withheld aggregates read "withheld"; free
 * texts are not exported. Numbers are written by us and left as numbers; text that a
 * spreadsheet would take for a formula (starting with {@code = + - @}, a tab or a
 * carriage return, as OWASP's CSV injection guidance lists) is prefixed with an
 * apostrophe so it shows as text.
 */
final class OutcomeCsv {

	private static final String WITHHELD = "withheld";

	private static final byte[] BYTE_ORDER_MARK = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private final CsvDialect dialect;

	private final List<String> lines = new ArrayList<>();

	private OutcomeCsv(CsvDialect dialect) {
		this.dialect = dialect;
	}

	/** The report as UTF-8 with a byte order mark, lines ending in CRLF. */
	static byte[] of(OutcomeReport report, CsvDialect dialect) {
		OutcomeCsv csv = new OutcomeCsv(dialect);
		csv.write(report);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(BYTE_ORDER_MARK);
		out.writeBytes((String.join("\r\n", csv.lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	private void write(OutcomeReport report) {
		lines.add(String.join(String.valueOf(dialect.separator()), "section", "session", "item", "metric", "value"));
		add("series", null, "", "title", report.title());
		add("series", null, "", "capacity", report.capacity());
		add("series", null, "", "minimum", report.minParticipants());
		add("series", null, "", "enrolled", report.enrolled());
		add("series", null, "", "waitlisted", report.waitlisted());
		add("series", null, "", "fill_rate", report.fillRate());
		add("series", null, "", "attended_any", report.attendedAny());
		add("series", null, "", "drop_out", report.dropOut());
		feedback("series", null, report.feedback());
		for (OutcomeReport.SessionRow session : report.sessions()) {
			add("session", session.position(), "", "state", session.state().name());
			add("session", session.position(), "", "attended", session.attended());
			feedback("session", session.position(), session.feedback());
		}
		for (OutcomeReport.ItemChange item : report.selfAssessment()) {
			scores(item.key(), "first", item.first());
			scores(item.key(), "last", item.last());
			scores(item.key(), "change", item.change());
		}
	}

	private void feedback(String section, Integer session, OutcomeReport.Feedback feedback) {
		add(section, session, "", "feedback_answers", feedback.answers());
		add(section, session, "", "rating_average", feedback.withheld() ? WITHHELD : feedback.averageRating());
		for (int rating = 1; rating <= 5; rating++) {
			add(section, session, "", "rating_" + rating,
					feedback.withheld() ? WITHHELD : feedback.ratingCounts().get(rating - 1));
		}
	}

	private void scores(String item, String phase, OutcomeReport.Scores scores) {
		add("self_assessment", null, item, phase + "_answers", scores.answers());
		add("self_assessment", null, item, phase + "_average", scores.withheld() ? WITHHELD : scores.average());
	}

	private void add(String section, Integer session, String item, String metric, Object value) {
		lines.add(String.join(String.valueOf(dialect.separator()), text(section),
				session == null ? "" : number(session), text(item), text(metric),
				value instanceof Number n ? number(n) : text(value == null ? "" : value.toString())));
	}

	/** Plain notation (never 1.0E-4) with the dialect's decimal separator. */
	private String number(Number value) {
		String plain = value.toString();
		if (plain.indexOf('E') >= 0) {
			plain = new BigDecimal(plain).stripTrailingZeros().toPlainString();
		}
		return plain.replace('.', dialect.decimalSeparator());
	}

	/**
	 * Neutralises formula-like text, and quotes a field holding a separator, a quote or a
	 * line break.
	 */
	private String text(String value) {
		String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		boolean quote = safe.indexOf(dialect.separator()) >= 0 || safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0
				|| safe.indexOf('\r') >= 0 || safe.indexOf('\n') >= 0;
		return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
	}

}
