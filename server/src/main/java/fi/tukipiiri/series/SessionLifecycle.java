package fi.tukipiiri.series;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import fi.tukipiiri.platform.JobRuns;
import fi.tukipiiri.rooms.Room;
import fi.tukipiiri.rooms.RoomKind;
import fi.tukipiiri.rooms.RoomRole;
import fi.tukipiiri.rooms.RoomService;
import fi.tukipiiri.rooms.RoomState;
import fi.tukipiiri.text.TextPolicy;

/**
 * Moves sessions and series on when their time comes, on whichever node gets there first,
 * exactly once: SCHEDULED → LOBBY (the session's room opens, with its members) → LIVE →
 * ENDED (the room turns read-only), and on a series' decision date PLANNED → CONFIRMED,
 * or CANCELLED when a closed group is under its minimum; once its last session has ended
 * (the rest held or cancelled) CONFIRMED → COMPLETED. Everything is computed from the
 * stored state and the clock, so a node that was down catches up on its next tick.
 */
@Component
class SessionLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SessionLifecycle.class);

	private static final int BATCH = 50;

	private final Lifecycle lifecycle;

	private final Enrolments enrolments;

	private final Attendance attendance;

	private final PlannedSeries series;

	private final RoomService rooms;

	private final SeriesSettings settings;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JobRuns.Job runs;

	SessionLifecycle(Lifecycle lifecycle, Enrolments enrolments, Attendance attendance, PlannedSeries series,
			RoomService rooms, SeriesSettings settings, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock, JobRuns jobs) {
		this.lifecycle = lifecycle;
		this.enrolments = enrolments;
		this.attendance = attendance;
		this.series = series;
		this.rooms = rooms;
		this.settings = settings;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.runs = jobs.job("session-lifecycle");
	}

	@Scheduled(fixedDelayString = "${tukipiiri.series.lifecycle-tick:15s}")
	void scheduledTick() {
		try {
			// every node ticks; each pass over what is due counts as done
			this.runs.run(() -> {
				tick();
				return true;
			});
		}
		catch (RuntimeException ex) {
			log.error("Session lifecycle tick failed; the next tick tries again", ex);
		}
	}

	/** One pass over everything due now. Safe to run on many nodes at once. */
	void tick() {
		decideSeries();
		int stepped;
		do {
			// a backlog (after downtime) is worked through batch by batch, each batch its
			// own transaction
			stepped = remind() + openLobbies() + goLive() + end();
		}
		while (stepped > 0);
		completeSeries();
	}

	private int remind() {
		return remind(SessionReminderDue.Reminder.DAY_BEFORE, settings.reminderBefore())
				+ remind(SessionReminderDue.Reminder.HOUR_BEFORE, settings.hourReminderBefore());
	}

	private int remind(SessionReminderDue.Reminder reminder, Duration before) {
		Instant now = clock.instant();
		return inTransaction(() -> {
			List<Lifecycle.DueSession> due = lifecycle.claimReminders(reminder, now.plus(before), BATCH);
			for (Lifecycle.DueSession session : due) {
				if (lifecycle.record(session.id(), reminder.recorded(), now)) {
					events.publishEvent(new SessionReminderDue(session.seriesId(), session.id(), reminder));
				}
			}
			return due.size();
		});
	}

	private int openLobbies() {
		Instant now = clock.instant();
		return inTransaction(() -> {
			List<Lifecycle.DueSession> due = lifecycle.claimStarting("SCHEDULED", now.plus(settings.lobbyOpensBefore()),
					BATCH);
			for (Lifecycle.DueSession session : due) {
				Series planned = series.find(session.seriesId()).orElseThrow();
				Room room = rooms.create(roomTitle(planned.title(), session.position(), session.themeFi()),
						session.themeFi(), planned.kind(), planned.format(), null);
				// the session names its room before members are added, so rules for the
				// whole series (bans) apply to it
				step(session, Series.SessionState.LOBBY, room.id(), now);
				for (Series.Staff member : planned.staff()) {
					rooms.addMember(room.id(), member.accountId(), member.role() == Series.StaffRole.FACILITATOR
							? RoomRole.FACILITATOR : RoomRole.PEER_SUPPORTER);
				}
				if (planned.kind() == RoomKind.CLOSED) {
					enrolments.enrolledAccounts(planned.id())
						.forEach(account -> rooms.addParticipantUnlessBarred(room.id(), account));
				}
			}
			return due.size();
		});
	}

	/**
	 * "Series – 3. Theme", cut with an ellipsis to a room title's {@value Room#TITLE_MAX}
	 * characters: a series title and a theme may each be 120 characters long, and a title
	 * too long for its room would stop every lobby in the same tick from opening.
	 */
	static String roomTitle(String seriesTitle, int position, String theme) {
		return TextPolicy.shorten(seriesTitle + " – " + position + ". " + theme, Room.TITLE_MAX);
	}

	private int goLive() {
		Instant now = clock.instant();
		return inTransaction(() -> {
			List<Lifecycle.DueSession> due = lifecycle.claimStarting("LOBBY", now, BATCH);
			due.forEach(session -> step(session, Series.SessionState.LIVE, session.roomId(), now));
			return due.size();
		});
	}

	private int end() {
		Instant now = clock.instant();
		return inTransaction(() -> {
			List<Lifecycle.DueSession> due = lifecycle.claimEnding("LIVE", now.minus(settings.endGrace()), BATCH);
			for (Lifecycle.DueSession session : due) {
				if (session.roomId() != null) {
					rooms.changeState(session.roomId(), RoomState.READ_ONLY);
				}
				attendance.closeAll(session.id(), now);
				step(session, Series.SessionState.ENDED, session.roomId(), now);
			}
			return due.size();
		});
	}

	private void decideSeries() {
		LocalDate today = LocalDate.now(clock.withZone(Recurrence.HELSINKI));
		transactions.executeWithoutResult(status -> {
			for (var seriesId : lifecycle.claimSeriesToDecide(today, BATCH)) {
				Series planned = series.find(seriesId).orElseThrow();
				boolean tooFew = planned.kind() == RoomKind.CLOSED
						&& enrolments.fill(seriesId).enrolled() < planned.minParticipants();
				Series.State outcome = tooFew ? Series.State.CANCELLED : Series.State.CONFIRMED;
				lifecycle.decide(seriesId, outcome);
				events.publishEvent(new SeriesDecided(seriesId, outcome));
			}
		});
	}

	/**
	 * Runs on every tick rather than when a session ends, so a series whose last
	 * remaining session a coordinator cancels completes too.
	 */
	private void completeSeries() {
		int completed;
		do {
			completed = inTransaction(() -> lifecycle.completeEnded(BATCH));
		}
		while (completed == BATCH);
	}

	private void step(Lifecycle.DueSession session, Series.SessionState state, UUID roomId, Instant now) {
		if (lifecycle.step(session.id(), state.name(), roomId, now)) {
			events.publishEvent(new SessionStepped(session.id(), session.seriesId(), state, roomId));
		}
	}

	private int inTransaction(IntSupplier work) {
		Integer done = transactions.execute(status -> work.getAsInt());
		return done == null ? 0 : done;
	}

}
