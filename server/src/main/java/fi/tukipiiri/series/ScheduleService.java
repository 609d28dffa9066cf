package fi.tukipiiri.series;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.platform.ApiProblem;
import fi.tukipiiri.platform.InvalidFields;
import fi.tukipiiri.series.SeriesProblems.SeriesNotFound;
import fi.tukipiiri.text.TextFields;

/**
 * A coordinator's changes to single sessions of a series: move one, cancel one, add one.
 * Everyone is told.
 */
@Service
public class ScheduleService {

	private final PlannedSeries series;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ScheduleService(PlannedSeries series, ApplicationEventPublisher events, Clock clock) {
		this.series = series;
		this.events = events;
		this.clock = clock;
	}

	public static final class SessionNotChangeable extends ApiProblem {

		SessionNotChangeable(String detail) {
			super(HttpStatus.CONFLICT, "series.session_not_changeable", detail);
		}

	}

	public static final class SessionNotFound extends ApiProblem {

		SessionNotFound() {
			super(HttpStatus.NOT_FOUND, "series.session_not_found", "No such session in this series.");
		}

	}

	/**
	 * Moves a session that has not begun to another day and, optionally, another local
	 * time.
	 */
	@Transactional
	public Series move(UUID seriesId, UUID sessionId, LocalDate date, LocalTime time) {
		Series planned = lockedSeries(seriesId);
		Series.Session session = changeable(planned, sessionId);
		Recurrence recurrence = planned.recurrence();
		Recurrence at = new Recurrence(recurrence.firstDate(), recurrence.intervalWeeks(),
				time != null ? time : recurrence.startTime(), recurrence.length(), recurrence.zone());
		Recurrence.Occurrence moved = at.occurrence(session.position(), date);
		if (!moved.startsAt().isAfter(clock.instant())) {
			throw new SessionNotChangeable("A session cannot be moved into the past.");
		}
		series.moveSession(sessionId, moved.startsAt(), moved.endsAt());
		events.publishEvent(new ScheduleChanged(UUID.randomUUID(), seriesId, sessionId, ScheduleChanged.Change.MOVED,
				session.startsAt()));
		return series.find(seriesId).orElseThrow();
	}

	@Transactional
	public Series cancel(UUID seriesId, UUID sessionId) {
		Series planned = lockedSeries(seriesId);
		changeable(planned, sessionId);
		series.cancelSession(sessionId);
		events.publishEvent(
				new ScheduleChanged(UUID.randomUUID(), seriesId, sessionId, ScheduleChanged.Change.CANCELLED, null));
		return series.find(seriesId).orElseThrow();
	}

	/**
	 * Adds a session after the last one, at the series' local time on the given day, with
	 * a theme of its own in Finnish and English (1–120 code points each, single-line text
	 * policy) and, if given, Swedish (0–120; empty shows the Finnish theme).
	 * @throws InvalidFields {@code validation.failed} naming {@code themeFi},
	 * {@code themeSv} and/or {@code themeEn}
	 */
	@Transactional
	public Series add(UUID seriesId, LocalDate date, LocalizedText raw) {
		TextFields fields = new TextFields();
		LocalizedText theme = new LocalizedText(fields.check("themeFi", SeriesFieldLimits.SESSION_THEME, raw.fi()),
				SeriesFieldLimits.optional(fields, "themeSv", SeriesFieldLimits.SESSION_THEME, raw.sv()),
				fields.check("themeEn", SeriesFieldLimits.SESSION_THEME, raw.en()));
		fields.throwIfRefused();
		Series planned = lockedSeries(seriesId);
		if (planned.state() == Series.State.CANCELLED || planned.state() == Series.State.COMPLETED) {
			throw new SessionNotChangeable("This series has ended or was cancelled.");
		}
		int position = planned.sessions().stream().mapToInt(Series.Session::position).max().orElse(0) + 1;
		Recurrence.Occurrence added = planned.recurrence().occurrence(position, date);
		if (!added.startsAt().isAfter(clock.instant())) {
			throw new SessionNotChangeable("A session cannot be added in the past.");
		}
		UUID sessionId = UUID.randomUUID();
		series.addSession(seriesId, new Series.Session(sessionId, position, theme, added.startsAt(), added.endsAt(),
				Series.SessionState.SCHEDULED, null));
		events.publishEvent(
				new ScheduleChanged(UUID.randomUUID(), seriesId, sessionId, ScheduleChanged.Change.ADDED, null));
		return series.find(seriesId).orElseThrow();
	}

	private Series lockedSeries(UUID seriesId) {
		series.lock(seriesId);
		return series.find(seriesId).orElseThrow(SeriesNotFound::new);
	}

	private static Series.Session changeable(Series planned, UUID sessionId) {
		Series.Session session = planned.sessions()
			.stream()
			.filter(s -> s.id().equals(sessionId))
			.findFirst()
			.orElseThrow(SessionNotFound::new);
		if (session.state() != Series.SessionState.SCHEDULED) {
			throw new SessionNotChangeable("Only a session that has not opened yet can be changed.");
		}
		return session;
	}

}
