package fi.tukipiiri.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.feedback.FeedbackProblems.InvalidAnswer;
import fi.tukipiiri.feedback.FeedbackProblems.NotAttended;
import fi.tukipiiri.feedback.FeedbackProblems.NotOpen;
import fi.tukipiiri.feedback.FeedbackProblems.SessionStaff;
import fi.tukipiiri.rooms.RoomKind;
import fi.tukipiiri.series.AttendanceService.AttendedSession;
import fi.tukipiiri.series.AttendanceService;
import fi.tukipiiri.series.Series;
import fi.tukipiiri.series.SeriesService;
import fi.tukipiiri.series.SessionStepped;
import fi.tukipiiri.text.TextFields;

/**
 * Offers and takes the feedback form after each session a parent attended (once per
 * session, changeable for a while), and the self-assessment at the first and the last
 * meeting of a closed group. The session's staff (its facilitators and peer supporters,
 * and administrators and coordinators who looked in) are neither offered nor allowed
 * them: see {@link AttendanceService} for who attends.
 */
@Service
public class FeedbackService {

	static final int MAX_TEXT = 1000;
	static final int MAX_FREE_TEXT = 2000;

	public enum Phase {

		FIRST, LAST

	}

	/** What the person answered; texts may be empty. */
	public record Form(int rating, String helped, String better, String freeText, boolean anonymous) {
	}

	/**
	 * A session the person may still give (or change) feedback on, with their answer so
	 * far.
	 */
	public record Pending(UUID seriesId, String seriesTitle, UUID sessionId, int position, String themeFi,
			String themeSv, String themeEn, Instant endedAt, Instant editableUntil, Form answer, Phase selfAssessment,
			boolean selfAssessmentAnswered) {
	}

	private final Answers answers;

	private final AttendanceService attendance;

	private final SeriesService series;

	private final ApplicationEventPublisher events;

	private final FeedbackSettings settings;

	private final Clock clock;

	FeedbackService(Answers answers, AttendanceService attendance, SeriesService series,
			ApplicationEventPublisher events, FeedbackSettings settings, Clock clock) {
		this.answers = answers;
		this.attendance = attendance;
		this.series = series;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Forms open to the person: sessions they attended as a parent that have ended within
	 * the editing period, latest first.
	 */
	@Transactional(readOnly = true)
	public List<Pending> pending(UUID accountId) {
		Instant now = clock.instant();
		return attendance.attendedBy(accountId, now.minus(settings.editableFor()))
			.stream()
			.filter(session -> session.state() == Series.SessionState.ENDED)
			.map(session -> pending(session, accountId))
			.toList();
	}

	/**
	 * Gives or changes one's feedback on a session one attended as a parent.
	 * @throws FeedbackProblems.SessionStaff {@code feedback.session_staff} (403) for the
	 * session's staff
	 * @throws FeedbackProblems.NotAttended {@code feedback.not_attended} (403) for anyone
	 * else who did not attend
	 * @throws FeedbackProblems.NotOpen {@code feedback.not_open} (409) before the session
	 * has ended or after the editing period
	 * @throws FeedbackProblems.InvalidAnswer {@code feedback.invalid_answer} (400)
	 */
	@Transactional
	public Pending give(UUID sessionId, UUID accountId, Form form) {
		AttendedSession session = openSession(sessionId, accountId, true);
		Form clean = validate(form);
		answers.saveFeedback(sessionId, session.seriesId(), accountId, clean, clock.instant());
		return pending(session, accountId);
	}

	/**
	 * The self-assessment of one phase; values per item key, each within the item's
	 * scale, every item answered. Refused as {@link #give} is, and with
	 * {@code feedback.not_open} at a meeting that is neither the first nor the last.
	 */
	@Transactional
	public void assess(UUID sessionId, UUID accountId, Map<String, Integer> values) {
		AttendedSession session = openSession(sessionId, accountId, false);
		Phase phase = phaseOf(session).orElseThrow(NotOpen::new);
		Map<String, Integer> checked = new LinkedHashMap<>();
		for (FeedbackSettings.Item item : settings.selfAssessment()) {
			Integer value = values == null ? null : values.get(item.key());
			if (value == null || value < item.min() || value > item.max()) {
				throw new InvalidAnswer("Answer \"" + item.key() + "\" with a whole number from " + item.min() + " to "
						+ item.max() + ".");
			}
			checked.put(item.key(), value);
		}
		if (values.size() != checked.size()) {
			throw new InvalidAnswer("Only the listed self-assessment items can be answered.");
		}
		answers.saveAssessment(session.seriesId(), accountId, phase.name(), checked, clock.instant());
	}

	public List<FeedbackSettings.Item> selfAssessmentItems() {
		return settings.selfAssessment();
	}

	/**
	 * When a session ends, every parent who attended is asked for feedback (and, where
	 * due, the self-assessment); its staff are not.
	 */
	@ApplicationModuleListener
	void on(SessionStepped stepped) {
		if (stepped.state() != Series.SessionState.ENDED) {
			return;
		}
		Series planned = series.get(stepped.seriesId());
		Series.Session session = planned.sessions()
			.stream()
			.filter(s -> s.id().equals(stepped.sessionId()))
			.findFirst()
			.orElseThrow();
		Map<String, String> params = Map.of("sessionId", stepped.sessionId().toString(), "seriesId",
				stepped.seriesId().toString(), "seriesTitle", planned.title(), "themeFi", session.theme().fi(),
				"themeSv", session.theme().sv(), "themeEn", session.theme().en());
		events.publishEvent(
				new FeedbackRequested(stepped.sessionId(), attendance.attendeesOf(stepped.sessionId()), params));
	}

	/**
	 * The session attended as a parent, if its form is open: ended (or, for the
	 * self-assessment, at least begun) and within the period.
	 */
	private AttendedSession openSession(UUID sessionId, UUID accountId, boolean mustHaveEnded) {
		Instant now = clock.instant();
		AttendedSession session = attendance.attendedBy(accountId, now.minus(settings.editableFor()))
			.stream()
			.filter(candidate -> candidate.sessionId().equals(sessionId))
			.findFirst()
			.orElseThrow(() -> refusal(sessionId, accountId));
		if (mustHaveEnded && session.state() != Series.SessionState.ENDED) {
			throw new NotOpen();
		}
		return session;
	}

	/** Why the person has no open form for the session. */
	private RuntimeException refusal(UUID sessionId, UUID accountId) {
		if (attendance.attended(sessionId, accountId)) {
			return new NotOpen();
		}
		return attendance.staffOf(sessionId, accountId) ? new SessionStaff() : new NotAttended();
	}

	private Pending pending(AttendedSession session, UUID accountId) {
		Optional<Answers.Feedback> answer = answers.feedbackOf(session.sessionId(), accountId);
		Optional<Phase> phase = phaseOf(session);
		return new Pending(session.seriesId(), session.seriesTitle(), session.sessionId(), session.position(),
				session.theme().fi(), session.theme().sv(), session.theme().en(), session.endsAt(),
				session.endsAt().plus(settings.editableFor()),
				answer.map(a -> new Form(a.rating(), a.helped(), a.better(), a.freeText(), a.anonymous())).orElse(null),
				phase.orElse(null),
				phase.map(p -> answers.hasAssessment(session.seriesId(), accountId, p.name())).orElse(false));
	}

	/**
	 * FIRST for the first meeting of a closed group, LAST for its last one (cancelled
	 * meetings do not count).
	 */
	private Optional<Phase> phaseOf(AttendedSession session) {
		if (session.kind() != RoomKind.CLOSED || settings.selfAssessment().isEmpty()) {
			return Optional.empty();
		}
		List<Series.Session> held = series.get(session.seriesId())
			.sessions()
			.stream()
			.filter(s -> s.state() != Series.SessionState.CANCELLED)
			.sorted(Comparator.comparingInt(Series.Session::position))
			.toList();
		if (held.isEmpty()) {
			return Optional.empty();
		}
		if (held.get(0).id().equals(session.sessionId())) {
			return Optional.of(Phase.FIRST);
		}
		return held.get(held.size() - 1).id().equals(session.sessionId()) ? Optional.of(Phase.LAST) : Optional.empty();
	}

	private static Form validate(Form form) {
		if (form == null || form.rating() < 1 || form.rating() > 5) {
			throw new InvalidAnswer("The overall rating is a whole number from 1 to 5.");
		}
		TextFields fields = new TextFields();
		String helped = fields.check("helped", FeedbackFieldLimits.HELPED, form.helped());
		String better = fields.check("better", FeedbackFieldLimits.BETTER, form.better());
		String freeText = fields.check("freeText", FeedbackFieldLimits.FREE_TEXT, form.freeText());
		fields.throwIfRefused();
		return new Form(form.rating(), helped, better, freeText, form.anonymous());
	}

}
