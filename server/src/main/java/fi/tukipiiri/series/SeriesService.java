package fi.tukipiiri.series;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.accounts.Account;
import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.accounts.Role;
import fi.tukipiiri.platform.InvalidFields;
import fi.tukipiiri.rooms.RoomKind;
import fi.tukipiiri.rooms.RoomRole;
import fi.tukipiiri.rooms.RoomService;
import fi.tukipiiri.series.SeriesProblems.InvalidPlan;
import fi.tukipiiri.series.SeriesProblems.InvalidStaff;
import fi.tukipiiri.series.SeriesProblems.NotChangeable;
import fi.tukipiiri.series.SeriesProblems.SeriesNotFound;
import fi.tukipiiri.text.TextFields;

/** Plans series from templates: their meetings, themes and staff. */
@Service
public class SeriesService {

	/**
	 * The capacity stored for an open chat, which takes no enrolments: the most a series
	 * may have.
	 */
	private static final int OPEN_CHAT_CAPACITY = 500;

	private final PlannedSeries series;

	private final TemplateService templates;

	private final AccountService accounts;

	private final RoomService rooms;

	private final Clock clock;

	SeriesService(PlannedSeries series, TemplateService templates, AccountService accounts, RoomService rooms,
			Clock clock) {
		this.series = series;
		this.templates = templates;
		this.accounts = accounts;
		this.rooms = rooms;
		this.clock = clock;
	}

	/** How far back the coordinators' overview reaches for series that have ended. */
	static final Duration OVERVIEW_LOOKBACK = Duration.ofDays(30);

	/**
	 * Plans a series from a template. The title (1–120 code points) and audience note
	 * (0–300) pass the single-line text policy first.
	 * @throws InvalidFields {@code validation.failed} naming {@code title} and/or
	 * {@code audienceNote}
	 */
	@Transactional
	public Series plan(SeriesPlan plan, UUID coordinator) {
		TextFields fields = new TextFields();
		String title = fields.check("title", SeriesFieldLimits.SERIES_TITLE, plan.title());
		String audienceNote = fields.check("audienceNote", SeriesFieldLimits.AUDIENCE_NOTE, plan.audienceNote());
		fields.throwIfRefused();
		ProgrammeTemplate template = templates.get(plan.templateId());
		ZoneId zone = zone(plan.zone());
		LocalDate today = LocalDate.now(clock.withZone(zone));
		if (plan.firstDate().isBefore(today)) {
			throw new InvalidPlan("series.first_date_past", "The first session must not be in the past.");
		}
		boolean closed = template.kind() == RoomKind.CLOSED;
		// An open chat takes no enrolments: seats, a minimum and a decision date do not
		// apply.
		int capacity = closed ? InvalidFields.required(plan.capacity(), "capacity") : OPEN_CHAT_CAPACITY;
		int minParticipants = closed ? InvalidFields.required(plan.minParticipants(), "minParticipants") : 0;
		LocalDate decisionDate = closed ? InvalidFields.required(plan.decisionDate(), "decisionDate")
				: plan.firstDate();
		if (decisionDate.isAfter(plan.firstDate())) {
			throw new InvalidPlan("series.decision_after_start",
					"The decision date must be on or before the first session.");
		}
		if (minParticipants > capacity) {
			throw new InvalidPlan("series.minimum_over_capacity",
					"The minimum number of participants is larger than the capacity.");
		}
		if (plan.ageMin() != null && plan.ageMax() != null && plan.ageMin() > plan.ageMax()) {
			throw new InvalidPlan("series.age_range_reversed", "The lowest age is above the highest.");
		}
		int length = plan.lengthMinutes() != null ? plan.lengthMinutes() : template.defaultLengthMinutes();
		Recurrence recurrence = new Recurrence(plan.firstDate(), plan.intervalWeeks(), plan.startTime(),
				Duration.ofMinutes(length), zone);
		List<Series.Staff> staff = staff(plan.facilitatorIds(), plan.peerSupporterIds());
		List<Series.Session> sessions = new ArrayList<>();
		List<Recurrence.Occurrence> occurrences = recurrence.occurrences(template.sessions().size());
		for (int i = 0; i < occurrences.size(); i++) {
			Recurrence.Occurrence occurrence = occurrences.get(i);
			sessions
				.add(new Series.Session(UUID.randomUUID(), occurrence.position(), template.sessions().get(i).title(),
						occurrence.startsAt(), occurrence.endsAt(), Series.SessionState.SCHEDULED, null));
		}
		Series planned = new Series(UUID.randomUUID(), template.id(), title, audienceNote, template.kind(), recurrence,
				capacity, minParticipants, decisionDate, plan.ageMin(), plan.ageMax(), Series.State.PLANNED, staff,
				sessions, clock.instant(), plan.format() != null ? plan.format() : template.format());
		series.insert(planned, coordinator);
		return planned;
	}

	@Transactional(readOnly = true)
	public Series get(UUID id) {
		return series.find(id).orElseThrow(SeriesNotFound::new);
	}

	/**
	 * Series that have not been cancelled and start on or after the given day, soonest
	 * first.
	 */
	@Transactional(readOnly = true)
	public List<Series> startingFrom(LocalDate from, int limit) {
		return series.startingFrom(from, limit).stream().map(this::get).toList();
	}

	@Transactional(readOnly = true)
	public List<Series> withSessionsBetween(Instant from, Instant to, int limit) {
		return series.withSessionsBetween(from, to, limit).stream().map(this::get).toList();
	}

	/**
	 * Names new facilitators and peer supporters. Sessions whose rooms open later get the
	 * new staff; rooms already open (lobby or live) take the new staff in at once, and
	 * people taken off keep their place in those rooms.
	 */
	@Transactional
	public Series reassignStaff(UUID seriesId, List<UUID> facilitatorIds, List<UUID> peerSupporterIds) {
		series.lock(seriesId);
		Series planned = get(seriesId);
		if (planned.state() == Series.State.CANCELLED || planned.state() == Series.State.COMPLETED) {
			throw new NotChangeable();
		}
		List<Series.Staff> staff = staff(facilitatorIds, peerSupporterIds);
		series.replaceStaff(seriesId, staff);
		for (Series.Session session : planned.sessions()) {
			boolean open = session.state() == Series.SessionState.LOBBY || session.state() == Series.SessionState.LIVE;
			if (open && session.roomId() != null) {
				for (Series.Staff member : staff) {
					rooms.addMember(session.roomId(), member.accountId(), member.role() == Series.StaffRole.FACILITATOR
							? RoomRole.FACILITATOR : RoomRole.PEER_SUPPORTER);
				}
			}
		}
		return get(seriesId);
	}

	/**
	 * Every series running now or later, and those that ended in the last 30 days, with
	 * how full they are.
	 */
	@Transactional(readOnly = true)
	public List<SeriesOverview> overview(int limit) {
		return series.overview(clock.instant().minus(OVERVIEW_LOOKBACK), limit);
	}

	private List<Series.Staff> staff(List<UUID> facilitatorIds, List<UUID> peerSupporterIds) {
		List<Series.Staff> staff = new ArrayList<>();
		Set<UUID> seen = new HashSet<>();
		for (UUID id : facilitatorIds) {
			staff.add(member(id, Role.FACILITATOR, Series.StaffRole.FACILITATOR, seen));
		}
		for (UUID id : peerSupporterIds == null ? List.<UUID>of() : peerSupporterIds) {
			staff.add(member(id, Role.PEER_SUPPORTER, Series.StaffRole.PEER_SUPPORTER, seen));
		}
		return staff;
	}

	private Series.Staff member(UUID id, Role required, Series.StaffRole role, Set<UUID> seen) {
		Account account = accounts.findActive(id)
			.filter(a -> a.hasRole(required))
			.orElseThrow(() -> new InvalidStaff(
					"Every " + role.name().toLowerCase().replace('_', ' ') + " must hold that role."));
		if (!seen.add(id)) {
			throw new InvalidStaff("A person can have only one part in a series.");
		}
		return new Series.Staff(account.id(), account.displayName(), role);
	}

	private static ZoneId zone(String zone) {
		if (zone == null || zone.isBlank()) {
			return Recurrence.HELSINKI;
		}
		try {
			return ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			throw new InvalidPlan("series.invalid_zone", "Unknown time zone: " + zone);
		}
	}

}
