package fi.tukipiiri.rooms;

/**
 * What a message is: {@code TEXT}, written by its author; {@code CRISIS}, the crisis
 * message with help numbers that a facilitator sends, stored in every configured language
 * so that each reader reads it in their own.
 */
public enum MessageKind {

	TEXT, CRISIS

}
