package fi.tukipiiri.feedback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.accounts.Role;
import fi.tukipiiri.feedback.FeedbackProblems.NotYourSeries;
import fi.tukipiiri.series.AttendanceService;
import fi.tukipiiri.series.AttendanceService.SessionAttendance;
import fi.tukipiiri.series.Enrolment;
import fi.tukipiiri.series.EnrolmentService;
import fi.tukipiiri.series.Series;
import fi.tukipiiri.series.SeriesOverview;
import fi.tukipiiri.series.SeriesService;

/**
 * Builds outcome reports for coordinators and for the facilitators of a series,
 * aggregates only.
 */
@Service
public class OutcomeReports {

	private final SeriesService series;

	private final EnrolmentService enrolments;

	private final AttendanceService attendance;

	private final Answers answers;

	private final AccountService accounts;

	private final FeedbackSettings settings;

	OutcomeReports(SeriesService series, EnrolmentService enrolments, AttendanceService attendance, Answers answers,
			AccountService accounts, FeedbackSettings settings) {
		this.series = series;
		this.enrolments = enrolments;
		this.attendance = attendance;
		this.answers = answers;
		this.accounts = accounts;
		this.settings = settings;
	}

	/** The series whose reports the person may read. */
	@Transactional(readOnly = true)
	public List<SeriesOverview> reportable(UUID requesterId) {
		boolean coordinator = coordinates(requesterId);
		return series.overview(500)
			.stream()
			.filter(line -> coordinator || facilitates(series.get(line.id()), requesterId))
			.toList();
	}

	@Transactional(readOnly = true)
	public OutcomeReport of(UUID seriesId, UUID requesterId) {
		Series planned = series.get(seriesId);
		if (!coordinates(requesterId) && !facilitates(planned, requesterId)) {
			throw new NotYourSeries();
		}
		EnrolmentService.Fill fill = enrolments.fill(seriesId);
		Set<UUID> enrolled = enrolments.applicants(seriesId)
			.stream()
			.filter(e -> e.status() == Enrolment.Status.ENROLLED)
			.map(Enrolment::accountId)
			.collect(Collectors.toSet());
		List<SessionAttendance> present = attendance.ofSeries(seriesId);
		Parents parents = Parents.of(present);
		List<Answers.Feedback> feedback = parents.feedback(answers.feedbackOfSeries(seriesId));
		Map<UUID, List<Answers.Feedback>> bySession = feedback.stream()
			.collect(Collectors.groupingBy(Answers.Feedback::sessionId));

		List<OutcomeReport.SessionRow> rows = new ArrayList<>();
		Map<UUID, Set<UUID>> attendeesBySession = parents.bySession();
		for (Series.Session session : planned.sessions()) {
			rows.add(new OutcomeReport.SessionRow(session.id(), session.position(), session.theme().fi(),
					session.theme().sv(), session.theme().en(), session.startsAt(), session.state(),
					attendeesBySession.getOrDefault(session.id(), Set.of()).size(),
					feedback(bySession.getOrDefault(session.id(), List.of()))));
		}
		return new OutcomeReport(planned.id(), planned.title(), planned.kind(), planned.state(), planned.capacity(),
				planned.minParticipants(), fill.enrolled(), fill.waitlisted(),
				planned.capacity() == 0 ? null : round((double) fill.enrolled() / planned.capacity()),
				parents.any().size(), dropOut(planned, enrolled, attendeesBySession), settings.minAnswers(), rows,
				feedback(feedback), selfAssessment(parents.assessments(answers.assessmentsOfSeries(seriesId))));
	}

	/**
	 * A signed (not anonymous) answer, shown by name to the series' facilitators and
	 * coordinators.
	 */
	public record SignedAnswer(String displayName, int rating, String helped, String better, String freeText) {
	}

	/**
	 * The answers to one session that their writers chose to sign; anonymous ones appear
	 * only in the aggregates.
	 */
	@Transactional(readOnly = true)
	public List<SignedAnswer> signed(UUID seriesId, UUID sessionId, UUID requesterId) {
		Series planned = series.get(seriesId);
		if (!coordinates(requesterId) && !facilitates(planned, requesterId)) {
			throw new NotYourSeries();
		}
		return Parents.of(attendance.ofSeries(seriesId))
			.feedback(answers.feedbackOfSeries(seriesId))
			.stream()
			.filter(answer -> answer.sessionId().equals(sessionId) && !answer.anonymous())
			.sorted(Comparator.comparing(Answers.Feedback::submittedAt))
			.map(answer -> new SignedAnswer(answer.displayName(), answer.rating(), answer.helped(), answer.better(),
					answer.freeText()))
			.toList();
	}

	/**
	 * The report's figures as CSV in the dialect asked for (see {@link CsvDialect}), for
	 * the same readers as the report.
	 */
	public byte[] csv(UUID seriesId, UUID requesterId, CsvDialect dialect) {
		return OutcomeCsv.of(of(seriesId, requesterId), dialect);
	}

	/**
	 * Who counts in a series' report: the parents who attended each session. Staff (its
	 * facilitators and peer supporters, administrators and coordinators looking in) are
	 * never among them, and their answers, should any have been stored, never enter an
	 * aggregate.
	 *
	 * @param bySession the parents who attended, per session id
	 * @param any the parents who attended at least one session
	 * @param staff everyone who was present at some session in another part than a
	 * parent's
	 */
	private record Parents(Map<UUID, Set<UUID>> bySession, Set<UUID> any, Set<UUID> staff) {

		static Parents of(List<SessionAttendance> present) {
			Map<UUID, Set<UUID>> bySession = new HashMap<>();
			Set<UUID> any = new HashSet<>();
			Set<UUID> staff = new HashSet<>();
			for (SessionAttendance session : present) {
				Set<UUID> attendees = session.attendees()
					.stream()
					.map(AttendanceService.Attendee::accountId)
					.collect(Collectors.toSet());
				bySession.put(session.sessionId(), attendees);
				any.addAll(attendees);
				session.staff().forEach(person -> staff.add(person.accountId()));
			}
			return new Parents(bySession, any, staff);
		}

		/** The feedback given by parents who attended the session it is about. */
		List<Answers.Feedback> feedback(List<Answers.Feedback> given) {
			return given.stream()
				.filter(answer -> bySession.getOrDefault(answer.sessionId(), Set.of()).contains(answer.accountId()))
				.toList();
		}

		/**
		 * The self-assessments of those who attended some session as a parent and none as
		 * staff.
		 */
		List<Answers.Assessment> assessments(List<Answers.Assessment> given) {
			return given.stream()
				.filter(answer -> any.contains(answer.accountId()) && !staff.contains(answer.accountId()))
				.toList();
		}

	}

	/**
	 * Enrolled people who came at least once but not to the latest meeting that has
	 * ended.
	 */
	private static int dropOut(Series planned, Set<UUID> enrolled, Map<UUID, Set<UUID>> attendeesBySession) {
		return planned.sessions()
			.stream()
			.filter(s -> s.state() == Series.SessionState.ENDED)
			.max(Comparator.comparingInt(Series.Session::position))
			.map(latest -> (int) enrolled.stream()
				.filter(person -> attendeesBySession.values().stream().anyMatch(set -> set.contains(person)))
				.filter(person -> !attendeesBySession.getOrDefault(latest.id(), Set.of()).contains(person))
				.count())
			.orElse(0);
	}

	private OutcomeReport.Feedback feedback(List<Answers.Feedback> given) {
		int count = given.size();
		if (count < settings.minAnswers()) {
			return new OutcomeReport.Feedback(count, true, null, null, null, null, null);
		}
		List<Integer> counts = new ArrayList<>(List.of(0, 0, 0, 0, 0));
		given.forEach(answer -> counts.set(answer.rating() - 1, counts.get(answer.rating() - 1) + 1));
		double average = given.stream().mapToInt(Answers.Feedback::rating).average().orElse(0);
		return new OutcomeReport.Feedback(count, false, round(average), counts, texts(given, Answers.Feedback::helped),
				texts(given, Answers.Feedback::better), texts(given, Answers.Feedback::freeText));
	}

	/**
	 * Non-empty texts in alphabetical order, so that their order tells nothing about who
	 * wrote which.
	 */
	private static List<String> texts(List<Answers.Feedback> given,
			java.util.function.Function<Answers.Feedback, String> field) {
		return given.stream().map(field).filter(text -> !text.isBlank()).sorted().toList();
	}

	private List<OutcomeReport.ItemChange> selfAssessment(List<Answers.Assessment> all) {
		List<OutcomeReport.ItemChange> items = new ArrayList<>();
		for (FeedbackSettings.Item item : settings.selfAssessment()) {
			Map<UUID, Integer> first = values(all, item.key(), "FIRST");
			Map<UUID, Integer> last = values(all, item.key(), "LAST");
			List<Integer> changes = first.keySet()
				.stream()
				.filter(last::containsKey)
				.map(person -> last.get(person) - first.get(person))
				.toList();
			items.add(new OutcomeReport.ItemChange(item.key(), item.text(), item.min(), item.max(),
					scores(first.values()), scores(last.values()), scores(changes)));
		}
		return items;
	}

	private static Map<UUID, Integer> values(List<Answers.Assessment> all, String item, String phase) {
		return all.stream()
			.filter(a -> a.item().equals(item) && a.phase().equals(phase))
			.collect(Collectors.toMap(Answers.Assessment::accountId, Answers.Assessment::value));
	}

	private OutcomeReport.Scores scores(java.util.Collection<Integer> values) {
		if (values.size() < settings.minAnswers()) {
			return new OutcomeReport.Scores(values.size(), true, null);
		}
		return new OutcomeReport.Scores(values.size(), false,
				round(values.stream().mapToInt(Integer::intValue).average().orElse(0)));
	}

	private boolean coordinates(UUID accountId) {
		Set<Role> roles = accounts.getActive(accountId).roles();
		return roles.contains(Role.COORDINATOR) || roles.contains(Role.ADMIN);
	}

	private static boolean facilitates(Series planned, UUID accountId) {
		return planned.staff()
			.stream()
			.anyMatch(staff -> staff.role() == Series.StaffRole.FACILITATOR
					&& Objects.equals(staff.accountId(), accountId));
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
