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
 * @param rulesVersion a digest of the house rules: an acceptance holds for this version
 * only, so a change to the rules asks again; null when the room has no rules
 * @param rulesSource whose rules they are: the template's, or the series' or room's own
 * in its place; null when the room has no rules
 * @param rulesChanged whether the caller accepted an earlier version of these rules (for
 * the same group, or the same day in open chats) and is asked again because they changed
 */
public record RoomGuide(UUID templateId, Map<String, String> houseRules, Acceptance acceptance, boolean accepted,
		List<ReadyMessage> messages, SessionClock session, Material material, String rulesVersion,
		RulesSource rulesSource, boolean rulesChanged) {

	/** Where a room's house rules come from. */
	public enum RulesSource {

		/**
		 * its series' template, or for a room outside any series the first of its kind
		 */
		TEMPLATE,
		/** its series' own, for every session room of the series */
		SERIES,
		/** the room's own (a room outside any series) */
		ROOM

	}

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
