package fi.tukipiiri.series;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One session as an iTIP message (RFC 5546) for an e-mail (iMIP, RFC 6047): a REQUEST
 * that adds or updates the meeting in the reader's calendar, or a CANCEL that removes it.
 * The UID is the one the calendar feeds use ({@code <session id>@tukipiiri}) and SEQUENCE
 * rises with each move or cancellation, so a calendar replaces its entry instead of
 * adding a second one (RFC 5546 §2.1.4–2.1.5).
 */
@Service
public class MeetingInvitations {

	/** The iTIP method of an invitation. */
	public enum Method {

		REQUEST, CANCEL

	}

	/**
	 * What the calendar entry says. {@code summary} and {@code description} come from the
	 * caller so they can be as discreet as the person asked.
	 *
	 * @param organizer the service's sending address (required by iTIP REQUEST/CANCEL)
	 * @param attendee the reader's address
	 * @param url where the meeting is held (its room or series page)
	 */
	public record Invitation(UUID seriesId, UUID sessionId, Method method, String summary, String description, URI url,
			String organizer, String attendee) {
	}

	private final SeriesService series;

	private final PlannedSeries planned;

	private final Clock clock;

	MeetingInvitations(SeriesService series, PlannedSeries planned, Clock clock) {
		this.series = series;
		this.planned = planned;
		this.clock = clock;
	}

	/**
	 * The invitation as an RFC 5545 calendar in UTF-8, lines folded at 75 octets.
	 * @throws java.util.NoSuchElementException if the series has no such session
	 */
	@Transactional(readOnly = true)
	public byte[] ics(Invitation invitation) {
		Series.Session session = series.get(invitation.seriesId())
			.sessions()
			.stream()
			.filter(s -> s.id().equals(invitation.sessionId()))
			.findFirst()
			.orElseThrow();
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//Tukipiiri//Tapaaminen//FI"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(invitation.method() == Method.CANCEL ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
		VEvent event = new VEvent(false);
		event.add(new DtStamp(clock.instant()));
		event.add(new DtStart<>(session.startsAt()));
		event.add(new DtEnd<>(session.endsAt()));
		event.add(new Summary(invitation.summary()));
		event.add(new Uid(session.id() + "@tukipiiri"));
		event.add(new Sequence(planned.sequenceOf(session.id())));
		event.add(new Description(invitation.description()));
		event.add(new Url(invitation.url()));
		event.add(new Organizer(URI.create("mailto:" + invitation.organizer())));
		Attendee attendee = new Attendee(URI.create("mailto:" + invitation.attendee()));
		attendee.add(new Cn(invitation.attendee()));
		event.add(attendee);
		event.add(invitation.method() == Method.CANCEL ? new Status(Status.VALUE_CANCELLED)
				: new Status(Status.VALUE_CONFIRMED));
		calendar.add(event);
		// folded here, as for the feeds: ical4j folds at 75 characters, not octets
		return ContentLines.fold(calendar.toString());
	}

}
