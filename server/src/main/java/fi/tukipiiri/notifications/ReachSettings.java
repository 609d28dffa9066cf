package fi.tukipiiri.notifications;

import java.time.LocalTime;
import java.util.Set;

import fi.tukipiiri.notifications.NoticeKind.Category;

/**
 * How a person wants to be reached outside the app.
 *
 * @param language the language of e-mails and push messages: a language file's code
 * ({@code fi}, {@code sv}, {@code en})
 * @param email the person's own address, or null; never shown to anyone else
 * @param emailVerified whether the person proved they read {@code email} (only then does
 * mail go there)
 * @param fullTexts whether messages may name the group and its theme; by default they say
 * only "a meeting", so a lock screen or a shared inbox tells nothing
 * @param remindHourBefore whether to be reminded an hour before a meeting as well as a
 * day before
 * @param quietFrom start of the daily quiet hours in Helsinki time, or null for none;
 * nothing is sent from then until {@code quietUntil} (it waits)
 * @param emailCategories what may go out by e-mail
 * @param pushCategories what may go out by Web Push
 */
public record ReachSettings(String language, String email, boolean emailVerified, boolean fullTexts,
		boolean remindHourBefore, LocalTime quietFrom, LocalTime quietUntil, Set<Category> emailCategories,
		Set<Category> pushCategories) {

	/**
	 * Categories e-mailed unless the person says otherwise: meetings and one's place in a
	 * group.
	 */
	public static final Set<Category> EMAIL_DEFAULT = Set.of(Category.REMINDERS, Category.SCHEDULE, Category.ENROLMENT,
			Category.SERIES);

	public ReachSettings {
		emailCategories = Set.copyOf(emailCategories);
		pushCategories = Set.copyOf(pushCategories);
	}

	/** The settings of someone who has changed nothing. */
	public static ReachSettings defaults() {
		return new ReachSettings("fi", null, false, false, false, null, null, EMAIL_DEFAULT, Set.of(Category.values()));
	}

	/**
	 * Whether {@code time} (Helsinki) falls in the quiet hours, which may span midnight.
	 */
	public boolean quietAt(LocalTime time) {
		if (quietFrom == null || quietUntil == null || quietFrom.equals(quietUntil)) {
			return false;
		}
		return quietFrom.isBefore(quietUntil) ? !time.isBefore(quietFrom) && time.isBefore(quietUntil)
				: !time.isBefore(quietFrom) || time.isBefore(quietUntil);
	}

}
