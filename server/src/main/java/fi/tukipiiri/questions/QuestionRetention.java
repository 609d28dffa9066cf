package fi.tukipiiri.questions;

import java.time.Instant;

import org.springframework.stereotype.Component;

import fi.tukipiiri.platform.RetentionRule;
import fi.tukipiiri.rooms.MessageRetentionTimes;
import fi.tukipiiri.rooms.RoomKind;

/**
 * Deletes a room's questions with its messages: the same time
 * ({@code tukipiiri.retention.messages.*} of the room's kind), counted from when the room
 * closed, or from the question itself in a room still open.
 */
@Component
class QuestionRetention implements RetentionRule {

	private final Questions questions;

	private final MessageRetentionTimes times;

	QuestionRetention(Questions questions, MessageRetentionTimes times) {
		this.questions = questions;
		this.times = times;
	}

	@Override
	public String name() {
		return "questions";
	}

	@Override
	public int purge(Instant now) {
		int deleted = 0;
		for (RoomKind kind : RoomKind.values()) {
			deleted += questions.deleteOfKindBefore(kind, now.minus(times.of(kind)));
		}
		return deleted;
	}

}
