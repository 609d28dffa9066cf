package fi.tukipiiri.rooms;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import fi.tukipiiri.text.FieldLimit;
import fi.tukipiiri.text.FieldLimits;
import fi.tukipiiri.text.TextKind;

/**
 * The text fields of rooms and messages, the largest page of history
 * ({@code historyPage}) and how long a member may edit their own message, in seconds
 * ({@code editWindowSeconds}).
 */
@Component
class RoomFieldLimits implements FieldLimits {

	static final FieldLimit TITLE = new FieldLimit("roomTitle", TextKind.SINGLE_LINE, 1, Room.TITLE_MAX);
	static final FieldLimit THEME = new FieldLimit("roomTheme", TextKind.SINGLE_LINE, 0, RoomService.THEME_MAX);

	private final ChatSettings settings;

	RoomFieldLimits(ChatSettings settings) {
		this.settings = settings;
	}

	static FieldLimit message(ChatSettings settings) {
		return new FieldLimit("message", TextKind.MULTI_LINE, 1, settings.maxMessageLength());
	}

	@Override
	public List<FieldLimit> fieldLimits() {
		return List.of(message(settings), TITLE, THEME);
	}

	/**
	 * A client that asks for more gets this many and must not take the page's end for the
	 * room's.
	 */
	@Override
	public Map<String, Integer> counts() {
		return Map.of("historyPage", settings.maxHistoryPage(), "editWindowSeconds",
				(int) settings.editWindow().toSeconds());
	}

}
