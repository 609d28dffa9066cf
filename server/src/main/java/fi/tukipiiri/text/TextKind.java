package fi.tukipiiri.text;

/** How a field's text is folded before it is stored; see {@link TextPolicy}. */
public enum TextKind {

	/**
	 * Display names and nicknames: one line, invisible characters removed, letters,
	 * marks, digits and {@code .,'_()!?-} only, one script.
	 */
	NAME,
	/**
	 * Titles, themes, reasons, pins: every white space character and line break folded to
	 * one space.
	 */
	SINGLE_LINE,
	/**
	 * Messages, notes, descriptions, feedback: line feeds kept, other white space one
	 * space per character.
	 */
	MULTI_LINE,
	/**
	 * Usernames and passwords: kept exactly as typed; only control characters are
	 * refused.
	 */
	VERBATIM

}
