package fi.tukipiiri.series;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.rooms.RoomKind;

/** The public calendar of upcoming series and their iCalendar feeds. Times are written as UTC instants. */
@Service
public class CalendarService {

	private final SeriesService series;
	private final EnrolmentService enrolments;

	CalendarService(SeriesService series, EnrolmentService enrolments) {
		this.series = series;
		this.enrolments = enrolments;
	}

	/** Series with at least one session between {@code from} and {@code to}; cancelled series are left out. */
	@Transactional(readOnly = true)
	public List<CalendarEntry> between(Instant from, Instant to, int limit) {
		return series.withSessionsBetween(from, to, limit).stream()
				.map(planned -> new CalendarEntry(planned.id(), planned.title(), planned.audienceNote(), planned.kind(), planned.state(),
						planned.ageMin(), planned.ageMax(), seatsLeft(planned), planned.sessions()))
				.toList();
	}

	/** The series' sessions as an RFC 5545 calendar; cancelled sessions stay in it, marked cancelled. */
	@Transactional(readOnly = true)
	public byte[] ics(UUID seriesId) {
		Series planned = series.get(seriesId);
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//Tukipiiri//Vuosikello//FI"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		for (Series.Session session : planned.sessions()) {
			VEvent event = new VEvent(session.startsAt(), session.endsAt(), planned.title() + ": " + session.theme().fi());
			event.add(new Uid(session.id() + "@tukipiiri"));
			event.add(new Description(session.theme().fi() + " / " + session.theme().en()));
			boolean cancelled = session.state() == Series.SessionState.CANCELLED || planned.state() == Series.State.CANCELLED;
			event.add(cancelled ? new Status(Status.VALUE_CANCELLED) : new Status(Status.VALUE_CONFIRMED));
			calendar.add(event);
		}
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			new CalendarOutputter().output(calendar, out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Integer seatsLeft(Series planned) {
		if (planned.kind() == RoomKind.OPEN) {
			return null;
		}
		return Math.max(0, planned.capacity() - enrolments.fill(planned.id()).enrolled());
	}
}
