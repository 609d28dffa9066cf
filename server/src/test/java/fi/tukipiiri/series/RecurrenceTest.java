package fi.tukipiiri.series;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static fi.tukipiiri.series.Recurrence.HELSINKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecurrenceTest {

	private static final Duration NINETY_MINUTES = Duration.ofMinutes(90);

	@Test
	void aWeeklyEveningStaysAtSixAcrossTheMarchChange() {
		// 2027: Finland moves to summer time (UTC+3) on Sunday 28 March
		var plan = new Recurrence(LocalDate.of(2027, 3, 18), 1, LocalTime.of(18, 0), NINETY_MINUTES, HELSINKI)
			.occurrences(3);

		assertThat(starts(plan)).containsExactly(Instant.parse("2027-03-18T16:00:00Z"),
				Instant.parse("2027-03-25T16:00:00Z"), Instant.parse("2027-04-01T15:00:00Z"));
		plan.forEach(session -> assertThat(local(session.startsAt())).isEqualTo(LocalTime.of(18, 0)));
	}

	@Test
	void aWeeklyEveningStaysAtSixAcrossTheOctoberChange() {
		// 2027: back to winter time (UTC+2) on Sunday 31 October
		var plan = new Recurrence(LocalDate.of(2027, 10, 21), 1, LocalTime.of(18, 0), NINETY_MINUTES, HELSINKI)
			.occurrences(3);

		assertThat(starts(plan)).containsExactly(Instant.parse("2027-10-21T15:00:00Z"),
				Instant.parse("2027-10-28T15:00:00Z"), Instant.parse("2027-11-04T16:00:00Z"));
		plan.forEach(session -> assertThat(local(session.startsAt())).isEqualTo(LocalTime.of(18, 0)));
	}

	@Test
	void nineSessionsEveryOtherWeekAreNumberedAndLastTheirLength() {
		var plan = new Recurrence(LocalDate.of(2027, 1, 12), 2, LocalTime.of(17, 30), NINETY_MINUTES, HELSINKI)
			.occurrences(9);

		assertThat(plan).hasSize(9);
		assertThat(plan.get(0).position()).isEqualTo(1);
		assertThat(plan.get(8).position()).isEqualTo(9);
		assertThat(ZonedDateTime.ofInstant(plan.get(8).startsAt(), HELSINKI).toLocalDate())
			.isEqualTo(LocalDate.of(2027, 5, 4));
		plan.forEach(session -> {
			assertThat(Duration.between(session.startsAt(), session.endsAt())).isEqualTo(NINETY_MINUTES);
			assertThat(local(session.startsAt())).isEqualTo(LocalTime.of(17, 30));
			assertThat(ZonedDateTime.ofInstant(session.startsAt(), HELSINKI).getDayOfWeek())
				.isEqualTo(DayOfWeek.TUESDAY);
		});
	}

	@Test
	void aSessionOverTheSpringForwardNightLastsItsRealLength() {
		var night = new Recurrence(LocalDate.of(2027, 3, 28), 1, LocalTime.of(2, 0), Duration.ofHours(2), HELSINKI)
			.occurrences(1)
			.get(0);

		assertThat(night.startsAt()).isEqualTo(Instant.parse("2027-03-28T00:00:00Z"));
		assertThat(night.endsAt()).isEqualTo(Instant.parse("2027-03-28T02:00:00Z"));
		assertThat(local(night.endsAt())).isEqualTo(LocalTime.of(5, 0));
	}

	@Test
	void aWallClockTimeThatDoesNotExistMovesForwardByTheGap() {
		var missing = new Recurrence(LocalDate.of(2027, 3, 28), 1, LocalTime.of(3, 30), NINETY_MINUTES, HELSINKI)
			.occurrences(1)
			.get(0);
		assertThat(local(missing.startsAt())).isEqualTo(LocalTime.of(4, 30));
	}

	@Test
	void onlyWeeklyOrEveryOtherWeekWithAPositiveLength() {
		assertThatThrownBy(() -> new Recurrence(LocalDate.of(2027, 1, 1), 3, LocalTime.NOON, NINETY_MINUTES, HELSINKI))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Recurrence(LocalDate.of(2027, 1, 1), 1, LocalTime.NOON, Duration.ZERO, HELSINKI))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static List<Instant> starts(List<Recurrence.Occurrence> plan) {
		return plan.stream().map(Recurrence.Occurrence::startsAt).toList();
	}

	private static LocalTime local(Instant instant) {
		return ZonedDateTime.ofInstant(instant, HELSINKI).toLocalTime();
	}

}
