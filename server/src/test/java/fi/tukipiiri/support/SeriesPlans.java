package fi.tukipiiri.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Request bodies for planning series in tests: weekly at 18:00, deciding a week before
 * the first meeting.
 */
public final class SeriesPlans {

	/** "Minä, tunteet ja taidot": a closed group of nine meetings. */
	public static final String CLOSED_GROUP_TEMPLATE = "5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e02";

	/** "Tukea eron jälkeiseen vanhemmuuteen": eight open themed chats. */
	public static final String OPEN_CHATS_TEMPLATE = "5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e01";

	/** "Infotilaisuus: tukea eron jälkeen": four open information sessions. */
	public static final String INFO_SESSIONS_TEMPLATE = "5d0c8a4e-3b1f-4c53-9f0e-0a7d2f6b1e03";

	private SeriesPlans() {
	}

	/** A mutable plan, so a test can override or add fields. */
	public static Map<String, Object> closedGroup(String title, LocalDate firstDate, int capacity, int minimum,
			UUID facilitator) {
		Map<String, Object> plan = new HashMap<>();
		plan.put("templateId", CLOSED_GROUP_TEMPLATE);
		plan.put("title", title);
		plan.put("firstDate", firstDate.toString());
		plan.put("intervalWeeks", 1);
		plan.put("startTime", "18:00");
		plan.put("capacity", capacity);
		plan.put("minParticipants", minimum);
		plan.put("decisionDate", firstDate.minusWeeks(1).toString());
		plan.put("facilitatorIds", List.of(facilitator.toString()));
		return plan;
	}

}
