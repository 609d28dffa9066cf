package fi.tukipiiri.series;

import java.util.List;
import java.util.UUID;

/**
 * A session starts within one of its reminder times; its participants and staff should be
 * reminded, once per reminder (again if the session moves).
 */
public record SessionReminderDue(UUID seriesId, UUID sessionId, Reminder reminder) {

	/** The two reminders before a session. */
	public enum Reminder {

		/** {@code tukipiiri.series.reminder-before}, a day by default. */
		DAY_BEFORE("REMINDED"),
		/**
		 * {@code tukipiiri.series.hour-reminder-before}, an hour by default; only for
		 * those who asked for it.
		 */
		HOUR_BEFORE("REMINDED_1H");

		private final String recorded;

		Reminder(String recorded) {
			this.recorded = recorded;
		}

		/** The step recorded in the session's transitions once the reminder went out. */
		String recorded() {
			return recorded;
		}

		static List<String> recordedSteps() {
			return List.of(DAY_BEFORE.recorded, HOUR_BEFORE.recorded);
		}

	}
}
