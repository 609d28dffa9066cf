package fi.tukipiiri.questions;

/**
 * Where a question stands. {@code ASKED}: waiting in the staff's queue (its asker may
 * still withdraw it). {@code PUBLISHED}: shown in the room's stream without a name.
 * {@code ANSWERED}: the staff answered it, in writing or aloud in the stream.
 * {@code SET_ASIDE}: not taken up in this session; its asker is told so.
 */
public enum QuestionState {

	ASKED, PUBLISHED, ANSWERED, SET_ASIDE;

	/** Whether the staff may still publish, answer or set it aside. */
	boolean open() {
		return this == ASKED || this == PUBLISHED;
	}

}
