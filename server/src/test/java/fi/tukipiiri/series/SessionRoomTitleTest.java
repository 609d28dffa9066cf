package fi.tukipiiri.series;

import org.junit.jupiter.api.Test;

import fi.tukipiiri.rooms.Room;

import static org.assertj.core.api.Assertions.assertThat;

class SessionRoomTitleTest {

	@Test
	void aTitleThatFitsIsKept() {
		assertThat(SessionLifecycle.roomTitle("Minä, tunteet ja taidot", 3, "Tunteet"))
			.isEqualTo("Minä, tunteet ja taidot – 3. Tunteet");
	}

	@Test
	void theLongestSeriesTitleAndThemeAreCutToARoomTitle() {
		String title = SessionLifecycle.roomTitle("ä".repeat(120), 9, "🧡".repeat(120));
		assertThat(title.codePointCount(0, title.length())).isEqualTo(Room.TITLE_MAX);
		assertThat(title).startsWith("ää").endsWith("…");

		// cut between whole characters, with no space left before the ellipsis
		String emoji = SessionLifecycle.roomTitle("🧡".repeat(118), 1, "x");
		assertThat(emoji.codePointCount(0, emoji.length())).isBetween(Room.TITLE_MAX - 2, Room.TITLE_MAX);
		assertThat(emoji).endsWith("🧡…");
		assertThat(emoji.codePoints().noneMatch(c -> Character.isSurrogate((char) c) && c <= Character.MAX_VALUE))
			.as("never half an emoji")
			.isTrue();
	}

}
