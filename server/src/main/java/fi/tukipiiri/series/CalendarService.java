package fi.tukipiiri.series;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.platform.ApiProblem;
import fi.tukipiiri.rooms.RoomKind;

/**
 * The public calendar of upcoming series and their iCalendar feeds. Times are written as
 * UTC instants.
 */
@Service
public class CalendarService {

	private static final int FEED_TOKEN_LENGTH = 32;

	private final SeriesService series;

	private final EnrolmentService enrolments;

	private final CalendarFeeds feeds;

	private final Clock clock;

	CalendarService(SeriesService series, EnrolmentService enrolments, CalendarFeeds feeds, Clock clock) {
		this.series = series;
		this.enrolments = enrolments;
		this.feeds = feeds;
		this.clock = clock;
	}

	public static final class UnknownFeed extends ApiProblem {

		UnknownFeed() {
			super(HttpStatus.NOT_FOUND, "calendar.feed_not_found", "No such calendar feed.");
		}

	}

	/** A new secret token for the person's own feed; any earlier one stops working. */
	@Transactional
	public String newPersonalFeed(UUID accountId) {
		String token = Secrets.code(FEED_TOKEN_LENGTH);
		feeds.replace(accountId, Secrets.hash(token), clock.instant());
		return token;
	}

	/**
	 * One of a person's own sessions: in a series they are enrolled in or on the staff
	 * of.
	 */
	public record MySession(UUID seriesId, String seriesTitle, Series.Session session) {
	}

	/**
	 * A person's sessions that have not ended, soonest first; a session's room id appears
	 * once its lobby opens.
	 */
	@Transactional(readOnly = true)
	public List<MySession> upcomingOf(UUID accountId) {
		return feeds.seriesOf(accountId)
			.stream()
			.map(series::get)
			.filter(planned -> planned.state() != Series.State.CANCELLED)
			.flatMap(planned -> planned.sessions()
				.stream()
				.filter(session -> session.state() != Series.SessionState.ENDED
						&& session.state() != Series.SessionState.CANCELLED)
				.map(session -> new MySession(planned.id(), planned.title(), session)))
			.sorted(Comparator.comparing(mine -> mine.session().startsAt()))
			.toList();
	}

	/** The sessions of every series the feed's owner takes part in. */
	@Transactional(readOnly = true)
	public byte[] personalIcs(String token) {
		UUID owner = feeds.owner(Secrets.hash(token)).orElseThrow(UnknownFeed::new);
		return ics(feeds.seriesOf(owner).stream().map(series::get).toList());
	}

	/**
	 * Series with at least one session between {@code from} and {@code to}; cancelled
	 * series are left out.
	 */
	@Transactional(readOnly = true)
	public List<CalendarEntry> between(Instant from, Instant to, int limit) {
		return series.withSessionsBetween(from, to, limit).stream().map(this::entry).toList();
	}

	@Transactional(readOnly = true)
	public CalendarEntry entry(UUID seriesId) {
		return entry(series.get(seriesId));
	}

	private CalendarEntry entry(Series planned) {
		return new CalendarEntry(planned.id(), planned.title(), planned.audienceNote(), planned.kind(), planned.state(),
				planned.ageMin(), planned.ageMax(), seatsLeft(planned), planned.sessions(), planned.format());
	}

	/**
	 * The series' sessions as an RFC 5545 calendar in UTF-8; cancelled sessions stay in
	 * it, marked cancelled.
	 */
	@Transactional(readOnly = true)
	public byte[] ics(UUID seriesId) {
		return ics(List.of(series.get(seriesId)));
	}

	private byte[] ics(List<Series> plans) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//Tukipiiri//Vuosikello//FI"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		for (Series planned : plans) {
			addSessions(calendar, planned);
		}
		// not validated: an empty personal feed is still a useful feed, though RFC 5545
		// asks for at least one component.
		// ical4j's own outputter folds at 75 characters, not octets, so it would split
		// Finnish, Sámi and emoji text
		// past the limit; its unfolded text (values already escaped per RFC 5545 §3.3.11)
		// is folded here instead.
		return ContentLines.fold(calendar.toString());
	}

	private static void addSessions(Calendar calendar, Series planned) {
		for (Series.Session session : planned.sessions()) {
			VEvent event = new VEvent(session.startsAt(), session.endsAt(),
					planned.title() + ": " + session.theme().fi());
			event.add(new Uid(session.id() + "@tukipiiri"));
			event.add(new Description(
					java.util.stream.Stream.of(session.theme().fi(), session.theme().sv(), session.theme().en())
						.filter(text -> !text.isBlank())
						.collect(java.util.stream.Collectors.joining(" / "))));
			boolean cancelled = session.state() == Series.SessionState.CANCELLED
					|| planned.state() == Series.State.CANCELLED;
			event.add(cancelled ? new Status(Status.VALUE_CANCELLED) : new Status(Status.VALUE_CONFIRMED));
			calendar.add(event);
		}
	}

	private Integer seatsLeft(Series planned) {
		if (planned.kind() == RoomKind.OPEN) {
			return null;
		}
		return Math.max(0, planned.capacity() - enrolments.fill(planned.id()).enrolled());
	}

}
