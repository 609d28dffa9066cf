package fi.tukipiiri.series;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a room's members are guided by: the house rules (language code → text; empty for a
 * room without any, such as a private talk), whether the caller must still accept them
 * before writing, how long an acceptance lasts, and, for the room's staff, the ready-made
 * messages.
 *
 * @param templateId the programme template the texts come from; null when none applies
 * @param acceptance {@link Acceptance#SERIES} once for the whole series,
 * {@link Acceptance#DAY} once a day (open chats), {@link Acceptance#NONE} not asked
 * (staff, private talks)
 * @param accepted whether the caller has accepted them for now
 * @param messages the staff's ready-made messages, in {@link GuideText} order; empty for
 * participants
 * @param session the series session the room is for, with its state and times; null for a
 * room outside any series
 * @param material the session's material and exercise, once its room has opened (lobby,
 * live or ended); null before, outside a series, and for a session without any
 */
public record RoomGuide(UUID templateId, Map<String, String> houseRules, Acceptance acceptance, boolean accepted,
		List<ReadyMessage> messages, SessionClock session, Material material) {

	/**
	 * A session's material and exercise (language code → text, each possibly empty), and
	 * where in the series it belongs, which is where one's workbook keeps the answer.
	 */
	public record Material(UUID seriesId, int position, Map<String, String> text, Map<String, String> exercise) {
	}

	/**
	 * A session room's session: its place in the series, theme, state and when it starts
	 * and ends (clients count the minutes from these).
	 */
	public record SessionClock(UUID sessionId, int position, LocalizedText theme, Series.SessionState state,
			java.time.Instant startsAt, java.time.Instant endsAt) {
	}

	/** How long an acceptance of the house rules holds. */
	public enum Acceptance {

		SERIES, ROOM, DAY, NONE

	}

	/** One ready-made message, in each language. */
	public record ReadyMessage(GuideText kind, Map<String, String> text) {
	}

}
