package fi.tukipiiri.notifications;

/** Whether a person wants notices of a category by a channel. */
final class Wanted {

	private Wanted() {
	}

	static boolean by(ReachSettings settings, OutboundChannel.Channel channel, NoticeKind.Category category) {
		return switch (channel) {
			case EMAIL -> settings.emailVerified() && settings.emailCategories().contains(category);
			case PUSH -> settings.pushCategories().contains(category);
		};
	}

}
