package fi.tukipiiri.rooms;

/**
 * What a message is: {@code TEXT}, written by its author; {@code CRISIS}, the crisis
 * message with help numbers that a facilitator sends, stored in every configured language
 * so that each reader reads it in their own; {@code QUESTION}, a participant's question
 * to an information session's staff, published by them into the stream without an author
 * (nobody reading learns who asked); {@code ANSWER}, a staff member's answer to such a
 * question, naming the question it answers ({@code answersSeq}).
 */
public enum MessageKind {

	TEXT, CRISIS, QUESTION, ANSWER;

	/** Whether its writer may edit it: their own words, not a composed message. */
	public boolean editable() {
		return this == TEXT || this == ANSWER;
	}

}
