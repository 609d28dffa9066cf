package fi.tukipiiri.series.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.rooms.RoomFormat;
import fi.tukipiiri.rooms.RoomKind;
import fi.tukipiiri.series.LocalizedText;
import fi.tukipiiri.series.Recurrence;
import fi.tukipiiri.series.Series;
import fi.tukipiiri.series.ScheduleService;
import fi.tukipiiri.series.SeriesOverview;
import fi.tukipiiri.series.SeriesPlan;
import fi.tukipiiri.series.SeriesService;

@RestController
@RequestMapping("/api/series")
class SeriesController {

	private static final int OVERVIEW_LIMIT = 200;

	private final SeriesService series;

	private final ScheduleService schedule;

	private final Clock clock;

	SeriesController(SeriesService series, ScheduleService schedule, Clock clock) {
		this.series = series;
		this.schedule = schedule;
		this.clock = clock;
	}

	/**
	 * {@code title} and {@code audienceNote} are checked by the series service under the
	 * text policy; a blank title is named here already, with the other fields.
	 */
	record PlanRequest(@NotNull UUID templateId, @NotBlank String title, String audienceNote,
			@NotNull LocalDate firstDate, @Min(1) @Max(2) int intervalWeeks, @NotNull LocalTime startTime,
			@Min(15) @Max(240) Integer lengthMinutes, @Size(max = 64) String zone, @Min(1) @Max(500) Integer capacity,
			@Min(0) @Max(500) Integer minParticipants, LocalDate decisionDate, @Min(16) @Max(120) Integer ageMin,
			@Min(16) @Max(120) Integer ageMax, @NotNull @Size(min = 1, max = 2) List<@NotNull UUID> facilitatorIds,
			@Size(max = 5) List<@NotNull UUID> peerSupporterIds, RoomFormat format) {

		SeriesPlan plan() {
			return new SeriesPlan(templateId, title, audienceNote, firstDate, intervalWeeks, startTime, lengthMinutes,
					zone, capacity, minParticipants, decisionDate, ageMin, ageMax, facilitatorIds, peerSupporterIds,
					format);
		}
	}

	/**
	 * A series as anyone signed in may see it: its plan, staff display names and
	 * sessions; never its participants.
	 */
	record SeriesView(UUID id, UUID templateId, String title, String audienceNote, RoomKind kind, String zone,
			LocalTime startTime, int lengthMinutes, int intervalWeeks, int capacity, int minParticipants,
			LocalDate decisionDate, Integer ageMin, Integer ageMax, Series.State state, List<Series.Staff> staff,
			List<SessionView> sessions, RoomFormat format) {

		static SeriesView of(Series series) {
			var recurrence = series.recurrence();
			return new SeriesView(series.id(), series.templateId(), series.title(), series.audienceNote(),
					series.kind(), recurrence.zone().getId(), recurrence.startTime(),
					(int) recurrence.length().toMinutes(), recurrence.intervalWeeks(), series.capacity(),
					series.minParticipants(), series.decisionDate(), series.ageMin(), series.ageMax(), series.state(),
					series.staff(), series.sessions().stream().map(SessionView::of).toList(), series.format());
		}
	}

	/**
	 * {@code roomId} appears once the session's room has opened; entering it is still
	 * checked by the room.
	 */
	record SessionView(UUID id, int position, LocalizedText theme, Instant startsAt, Instant endsAt,
			Series.SessionState state, UUID roomId) {
		static SessionView of(Series.Session session) {
			return new SessionView(session.id(), session.position(), session.theme(), session.startsAt(),
					session.endsAt(), session.state(), session.roomId());
		}
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	SeriesView plan(@Valid @RequestBody PlanRequest request, Authentication coordinator) {
		return SeriesView.of(series.plan(request.plan(), UUID.fromString(coordinator.getName())));
	}

	record MoveSession(@NotNull LocalDate date, LocalTime startTime) {
	}

	/**
	 * The themes are checked by the schedule service under the text policy (blank ones
	 * here already); the Swedish one may be left out or empty.
	 */
	record AddSession(@NotNull LocalDate date, @NotBlank String themeFi, String themeSv, @NotBlank String themeEn) {
	}

	@PutMapping("/{id}/sessions/{sessionId}")
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	SeriesView move(@PathVariable UUID id, @PathVariable UUID sessionId, @Valid @RequestBody MoveSession request) {
		return SeriesView.of(schedule.move(id, sessionId, request.date(), request.startTime()));
	}

	@DeleteMapping("/{id}/sessions/{sessionId}")
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	SeriesView cancel(@PathVariable UUID id, @PathVariable UUID sessionId) {
		return SeriesView.of(schedule.cancel(id, sessionId));
	}

	@PostMapping("/{id}/sessions")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	SeriesView add(@PathVariable UUID id, @Valid @RequestBody AddSession request) {
		return SeriesView.of(schedule.add(id, request.date(),
				new LocalizedText(request.themeFi(), request.themeSv(), request.themeEn())));
	}

	record StaffRequest(@NotNull @Size(min = 1, max = 2) List<@NotNull UUID> facilitatorIds,
			@Size(max = 5) List<@NotNull UUID> peerSupporterIds) {
	}

	@PutMapping("/{id}/staff")
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	SeriesView reassignStaff(@PathVariable UUID id, @Valid @RequestBody StaffRequest request) {
		return SeriesView.of(series.reassignStaff(id, request.facilitatorIds(), request.peerSupporterIds()));
	}

	@GetMapping("/overview")
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	List<SeriesOverview> overview() {
		return series.overview(OVERVIEW_LIMIT);
	}

	@GetMapping("/{id}")
	SeriesView get(@PathVariable UUID id) {
		return SeriesView.of(series.get(id));
	}

	@GetMapping
	List<SeriesView> upcoming() {
		return series.startingFrom(LocalDate.now(clock.withZone(Recurrence.HELSINKI)), 100)
			.stream()
			.map(SeriesView::of)
			.toList();
	}

}
