package fi.tukipiiri.questions;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import fi.tukipiiri.delivery.Audience;
import fi.tukipiiri.delivery.LiveEvent;
import fi.tukipiiri.delivery.PersonalQueue;
import fi.tukipiiri.delivery.RoomTopic;

/**
 * What is heard live about an information session's questions, published inside the
 * transaction that changed them and delivered once it commits. The staff hear the queue,
 * with who asked, on the room's staff-only {@code /topic/rooms/{id}/questions}; an asker
 * hears what became of their own questions on {@code /user/queue/questions}. Each is
 * written as its fields plus {@code type}.
 */
public sealed interface QuestionEvent extends LiveEvent {

	/** The event's name on the wire, e.g. {@code question-asked}. */
	@JsonProperty("type")
	String type();

	UUID roomId();

	/** Told to the room's staff on its question topic. */
	sealed interface ToStaff extends QuestionEvent {

		@Override
		default Audience audience() {
			return Audience.room(roomId(), RoomTopic.QUESTIONS);
		}

	}

	/** Told to the asker on their own question queue. */
	sealed interface ToAsker extends QuestionEvent {

		/** Who hears it; not part of what they hear. */
		UUID recipient();

		@Override
		default Audience audience() {
			return Audience.person(recipient(), PersonalQueue.QUESTIONS);
		}

	}

	/** A participant asked: the question joins the end of the queue. */
	record Asked(UUID roomId, Question question) implements ToStaff {
		public String type() {
			return "question-asked";
		}
	}

	/** A staff member published the question into the stream, without a name. */
	record Published(UUID roomId, Question question) implements ToStaff {
		public String type() {
			return "question-published";
		}
	}

	/** A staff member answered the question, in writing or aloud in the stream. */
	record Answered(UUID roomId, Question question) implements ToStaff {
		public String type() {
			return "question-answered";
		}
	}

	/** A staff member set the question aside for this session. */
	record SetAside(UUID roomId, Question question) implements ToStaff {
		public String type() {
			return "question-set-aside";
		}
	}

	/** The asker withdrew the question before anyone took it up: it leaves the queue. */
	record Withdrawn(UUID roomId, UUID questionId) implements ToStaff {
		public String type() {
			return "question-withdrawn";
		}
	}

	/**
	 * One's question was asked (from another tab), published, answered or set aside: as
	 * it is now.
	 */
	record OwnChanged(@JsonIgnore UUID recipient, UUID roomId, OwnQuestion question) implements ToAsker {
		public String type() {
			return "question-updated";
		}
	}

	/** One's question was withdrawn (from another tab). */
	record OwnWithdrawn(@JsonIgnore UUID recipient, UUID roomId, UUID questionId) implements ToAsker {
		public String type() {
			return "question-withdrawn";
		}
	}

}
