package fi.tukipiiri.text;

import java.util.Optional;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

import fi.tukipiiri.text.TextCheck.Accepted;
import fi.tukipiiri.text.TextCheck.Refused;

/**
 * The one policy for text that people type. Every field passes {@link #check} with its
 * {@link TextKind} and its length limits, and stores only the canonical text it returns:
 * <ol>
 * <li>Control characters (Unicode category Cc) other than tab, line feed and carriage
 * return, and unpaired UTF-16 surrogates, are refused. {@link TextKind#VERBATIM} refuses
 * tab and line breaks too.</li>
 * <li>Invisible characters are removed: format characters (Cf, among them zero-width
 * spaces and joiners, soft hyphens, word joiners, byte-order marks and bidirectional
 * embeddings, overrides and isolates), every other Default_Ignorable code point
 * (variation selectors, the combining grapheme joiner, Hangul fillers) and the braille
 * blank U+2800. Outside names, a joiner or variation selector that does visible work is
 * kept: inside an emoji sequence (UTS #51), or a zero-width (non-)joiner between two
 * letters of a script that is shaped with it (Arabic, Persian, the Indic scripts; never
 * Latin, Greek or Cyrillic).</li>
 * <li>Unicode Normalization Form C (UAX #15), so a letter typed as a base and an accent
 * is stored like the precomposed one and found by the same search.</li>
 * <li>White space: one line ({@link TextKind#NAME}, {@link TextKind#SINGLE_LINE}) folds
 * every space separator ({@code \p{Z}}), tab and line break into one space; several lines
 * ({@link TextKind#MULTI_LINE}) turn CR LF, CR, U+2028 and U+2029 into a line feed, every
 * other space separator and tab into one space each, drop spaces at line ends and keep at
 * most {@value #MAX_BLANK_LINES} blank lines in a row. Both are stripped at the
 * ends.</li>
 * <li>At most {@value #MAX_MARKS_PER_CHARACTER} nonspacing or enclosing marks (Mn, Me) in
 * a row, counted in the canonical decomposition (NFD) so precomposed and decomposed input
 * count the same.</li>
 * <li>The length is counted in code points of the canonical text and checked against the
 * field's limits.</li>
 * <li>Names allow only letters, marks, digits, spaces and {@code . , ' _ ( ) ! ? -}, and
 * must pass the UTS #39 restriction level "moderately restrictive" (one script, or Latin
 * with one other script that does not look like it; never Latin with Cyrillic or Greek)
 * and use digits of one system.</li>
 * </ol>
 * The class holds no state; ICU's normalisers and spoof checkers are safe to share
 * between threads.
 */
public final class TextPolicy {

	/**
	 * Nonspacing or enclosing marks allowed in a row on one character. Vietnamese needs
	 * two on a letter (ệ), Sámi and the Nordic languages one, pointed Hebrew with a
	 * cantillation mark four; "Zalgo" stacks use many more.
	 */
	public static final int MAX_MARKS_PER_CHARACTER = 4;

	/**
	 * Blank lines kept in a row in a multi-line text; more only push the conversation off
	 * the screen.
	 */
	public static final int MAX_BLANK_LINES = 2;

	private static final int TAB = '\t';

	private static final int LINE_FEED = '\n';

	private static final int CARRIAGE_RETURN = '\r';

	private static final int LINE_SEPARATOR = 0x2028;

	private static final int PARAGRAPH_SEPARATOR = 0x2029;

	private static final int ZERO_WIDTH_NON_JOINER = 0x200C;

	private static final int ZERO_WIDTH_JOINER = 0x200D;

	private static final int TEXT_PRESENTATION = 0xFE0E;

	private static final int EMOJI_PRESENTATION = 0xFE0F;

	private static final int BLACK_FLAG = 0x1F3F4;

	private static final int FIRST_TAG = 0xE0020;

	private static final int CANCEL_TAG = 0xE007F;

	private static final int BRAILLE_BLANK = 0x2800;

	private static final String NAME_PUNCTUATION = " .,'_()!?-";

	private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

	private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

	private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

	private static final SpoofChecker NAMES = new SpoofChecker.Builder()
		.setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS)
		.setRestrictionLevel(SpoofChecker.RestrictionLevel.MODERATELY_RESTRICTIVE)
		.build();

	/** Only its confusable data is used: skeletons do not depend on the checks chosen. */
	private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();

	private TextPolicy() {
	}

	/**
	 * Applies the policy for a field of this kind.
	 * @param raw the text as received; {@code null} is treated as empty
	 * @param min the least length in code points after folding; 0 makes the field
	 * optional (empty is accepted as "")
	 * @param max the greatest length in code points after folding
	 * @return the canonical text, or the first reason it was refused in the order of the
	 * steps above
	 */
	public static TextCheck check(TextKind kind, String raw, int min, int max) {
		String text = raw == null ? "" : raw;
		Optional<Refusal> forbidden = forbiddenCharacter(text, kind != TextKind.VERBATIM);
		if (forbidden.isPresent()) {
			return new Refused(forbidden.get(), min, max);
		}
		String canonical = switch (kind) {
			case NAME -> foldSpaces(visibleNfc(text, false));
			case SINGLE_LINE -> foldSpaces(visibleNfc(text, true));
			case MULTI_LINE -> foldLines(visibleNfc(text, true));
			case VERBATIM -> text;
		};
		if (canonical.isEmpty()) {
			return min > 0 ? new Refused(Refusal.EMPTY, min, max) : new Accepted("");
		}
		if (kind != TextKind.VERBATIM && tooManyMarks(canonical)) {
			return new Refused(Refusal.TOO_MANY_MARKS, min, max);
		}
		int length = length(canonical);
		if (length < min) {
			return new Refused(Refusal.TOO_SHORT, min, max);
		}
		if (length > max) {
			return new Refused(Refusal.TOO_LONG, min, max);
		}
		if (kind == TextKind.NAME) {
			if (!canonical.codePoints().allMatch(TextPolicy::belongsInName)) {
				return new Refused(Refusal.NOT_A_NAME, min, max);
			}
			if (NAMES.failsChecks(canonical)) {
				return new Refused(Refusal.MIXED_SCRIPTS, min, max);
			}
		}
		return new Accepted(canonical);
	}

	/** {@link #check} for a display name or nickname. */
	public static TextCheck name(String raw, int min, int max) {
		return check(TextKind.NAME, raw, min, max);
	}

	/** {@link #check} for a title, theme, reason or announcement. */
	public static TextCheck singleLine(String raw, int min, int max) {
		return check(TextKind.SINGLE_LINE, raw, min, max);
	}

	/** {@link #check} for a message, note, description or feedback text. */
	public static TextCheck multiLine(String raw, int min, int max) {
		return check(TextKind.MULTI_LINE, raw, min, max);
	}

	/** {@link #check} for a username or password: kept exactly as typed. */
	public static TextCheck verbatim(String raw, int min, int max) {
		return check(TextKind.VERBATIM, raw, min, max);
	}

	/**
	 * Unicode Normalization Form C (UAX #15) and nothing else: for text stored before
	 * this policy.
	 */
	public static String nfc(String text) {
		return NFC.normalize(text);
	}

	/**
	 * The length as this policy counts it: Unicode code points (an emoji is one, an
	 * accent typed separately one more).
	 */
	public static int length(String text) {
		return text.codePointCount(0, text.length());
	}

	/**
	 * The first character no text may hold: a control character (Cc; tab, line feed and
	 * carriage return only if {@code lineBreaksAllowed} is false) or an unpaired
	 * surrogate.
	 */
	public static Optional<Refusal> forbiddenCharacter(String text, boolean lineBreaksAllowed) {
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			if (c <= Character.MAX_VALUE && Character.isSurrogate((char) c)) {
				return Optional.of(Refusal.UNPAIRED_SURROGATE);
			}
			boolean lineBreak = c == TAB || c == LINE_FEED || c == CARRIAGE_RETURN;
			if (UCharacter.getType(c) == UCharacterCategory.CONTROL && !(lineBreak && lineBreaksAllowed)) {
				return Optional.of(Refusal.CONTROL_CHARACTER);
			}
		}
		return Optional.empty();
	}

	/**
	 * The key two names are compared by to tell whether one could pass for the other: the
	 * name without invisible characters, with compatibility forms folded (NFKC: fullwidth
	 * "Ｏｕｔｉ" is "Outi"), without combining marks that did not compose with their letter
	 * (a dotless ı with a combining dot reads as an i; ä, ö, å and Sámi letters compose
	 * and stay), with everything but letters and digits left out (so spacing and
	 * punctuation do not matter), case-folded, mapped to its UTS #39 confusable skeleton
	 * (Cyrillic "а" and Latin "a", digit zero and letter O become one) and case-folded
	 * again. Equal keys mean names a reader could mistake for each other. The key depends
	 * on ICU's data and on these steps: stored keys are computed again (set to null) when
	 * either changes.
	 */
	public static String skeleton(String name) {
		String visible = NFKC.normalize(withoutInvisible(name == null ? "" : name, false));
		StringBuilder letters = new StringBuilder(visible.length());
		visible.codePoints().filter(c -> UCharacter.isLetter(c) || isNumber(c)).forEach(letters::appendCodePoint);
		return UCharacter.foldCase(CONFUSABLES.getSkeleton(UCharacter.foldCase(letters.toString(), true)), true);
	}

	/**
	 * The form risk words are matched on, to be applied alike to the configured terms and
	 * to every message: every invisible character removed (soft hyphens and joiners
	 * included, so nothing hides inside a word), compatibility forms folded (NFKC:
	 * fullwidth letters, ligatures, superscripts), combining marks that did not compose
	 * with their letter dropped (decorations such as "k̃ill"; ä, ö and å compose and
	 * stay), full case folding, the confusable skeleton (Cyrillic and Greek look-alikes
	 * become Latin), case folding again, and every run of white space made one space. The
	 * result is for matching only and is never shown.
	 */
	public static String riskForm(String text) {
		String compatible = NFKC.normalize(withoutInvisible(text == null ? "" : text, false));
		StringBuilder unmarked = new StringBuilder(compatible.length());
		compatible.codePoints().filter(c -> !isNonspacingMark(c)).forEach(unmarked::appendCodePoint);
		String skeleton = CONFUSABLES.getSkeleton(UCharacter.foldCase(unmarked.toString(), true));
		String folded = UCharacter.foldCase(skeleton, true);
		StringBuilder spaced = new StringBuilder(folded.length());
		boolean space = false;
		for (int i = 0; i < folded.length();) {
			int c = folded.codePointAt(i);
			i += Character.charCount(c);
			if (isSpace(c) || Character.isWhitespace(c)) {
				space = true;
				continue;
			}
			if (space && !spaced.isEmpty()) {
				spaced.append(' ');
			}
			space = false;
			spaced.appendCodePoint(c);
		}
		return spaced.toString();
	}

	/**
	 * The text cut to at most {@code max} code points at a boundary between
	 * user-perceived characters (UAX #29), with "…" at the end if anything was cut; for
	 * titles the service composes itself from other fields.
	 */
	public static String shorten(String text, int max) {
		if (length(text) <= max) {
			return text;
		}
		BreakIterator characters = BreakIterator.getCharacterInstance();
		characters.setText(text);
		int end = 0;
		int kept = 0;
		for (int next = characters.next(); next != BreakIterator.DONE; next = characters.next()) {
			kept += text.codePointCount(end, next);
			if (kept > max - 1) {
				break;
			}
			end = next;
		}
		return text.substring(0, end).stripTrailing() + "…";
	}

	/**
	 * Format characters, other default-ignorable code points and the braille blank: they
	 * show nothing.
	 */
	static boolean isInvisible(int c) {
		return UCharacter.getType(c) == UCharacterCategory.FORMAT
				|| UCharacter.hasBinaryProperty(c, UProperty.DEFAULT_IGNORABLE_CODE_POINT) || c == BRAILLE_BLANK;
	}

	/**
	 * NFC without invisible characters, to a fixed point: NFC puts marks in canonical
	 * order, which can move a different mark next to a joiner, and whether a joiner is
	 * kept depends on its neighbours. Each round only removes, so few rounds are needed
	 * (one or two).
	 */
	private static String visibleNfc(String text, boolean keepWorkingJoiners) {
		String previous;
		String current = NFC.normalize(text);
		do {
			previous = current;
			current = NFC.normalize(withoutInvisible(previous, keepWorkingJoiners));
		}
		while (!current.equals(previous));
		return current;
	}

	private static String withoutInvisible(String text, boolean keepWorkingJoiners) {
		StringBuilder kept = new StringBuilder(text.length());
		int previous = -1;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			int next = i < text.length() ? text.codePointAt(i) : -1;
			if (isInvisible(c) && !(keepWorkingJoiners && doesVisibleWork(previous, c, next))) {
				continue;
			}
			kept.appendCodePoint(c);
			previous = c;
		}
		return kept.toString();
	}

	/**
	 * An invisible character between these two that changes what is drawn: part of an
	 * emoji, or shaping a word.
	 */
	private static boolean doesVisibleWork(int previous, int c, int next) {
		if (previous < 0) {
			return false;
		}
		if (c == TEXT_PRESENTATION || c == EMOJI_PRESENTATION) {
			return UCharacter.hasBinaryProperty(previous, UProperty.EMOJI);
		}
		if (c >= FIRST_TAG && c <= CANCEL_TAG) {
			return previous == BLACK_FLAG || (previous >= FIRST_TAG && previous < CANCEL_TAG);
		}
		if (c == ZERO_WIDTH_JOINER && isEmojiPart(previous) && next >= 0
				&& UCharacter.hasBinaryProperty(next, UProperty.EXTENDED_PICTOGRAPHIC)) {
			return true;
		}
		return (c == ZERO_WIDTH_JOINER || c == ZERO_WIDTH_NON_JOINER) && isShapedWithJoiners(previous) && next >= 0
				&& isShapedWithJoiners(next);
	}

	private static boolean isEmojiPart(int c) {
		return UCharacter.hasBinaryProperty(c, UProperty.EXTENDED_PICTOGRAPHIC)
				|| UCharacter.hasBinaryProperty(c, UProperty.EMOJI_MODIFIER) || c == EMOJI_PRESENTATION;
	}

	/**
	 * A letter or mark of a script whose words joiners shape: any but Latin, Greek,
	 * Cyrillic and the shared ones.
	 */
	private static boolean isShapedWithJoiners(int c) {
		if (!UCharacter.isLetter(c) && !isMark(c)) {
			return false;
		}
		int script = UScript.getScript(c);
		return script != UScript.LATIN && script != UScript.GREEK && script != UScript.CYRILLIC
				&& script != UScript.COMMON && script != UScript.INHERITED;
	}

	private static boolean isSpace(int c) {
		int type = UCharacter.getType(c);
		return type == UCharacterCategory.SPACE_SEPARATOR || type == UCharacterCategory.LINE_SEPARATOR
				|| type == UCharacterCategory.PARAGRAPH_SEPARATOR || c == TAB || c == LINE_FEED || c == CARRIAGE_RETURN;
	}

	private static boolean isMark(int c) {
		int type = UCharacter.getType(c);
		return type == UCharacterCategory.NON_SPACING_MARK || type == UCharacterCategory.ENCLOSING_MARK
				|| type == UCharacterCategory.COMBINING_SPACING_MARK;
	}

	private static boolean isNonspacingMark(int c) {
		int type = UCharacter.getType(c);
		return type == UCharacterCategory.NON_SPACING_MARK || type == UCharacterCategory.ENCLOSING_MARK;
	}

	private static boolean isNumber(int c) {
		int type = UCharacter.getType(c);
		return type == UCharacterCategory.DECIMAL_DIGIT_NUMBER || type == UCharacterCategory.LETTER_NUMBER
				|| type == UCharacterCategory.OTHER_NUMBER;
	}

	private static boolean belongsInName(int c) {
		return UCharacter.isLetter(c) || isMark(c) || isNumber(c) || NAME_PUNCTUATION.indexOf(c) >= 0;
	}

	/** One line: every run of white space becomes one space; none at the ends. */
	private static String foldSpaces(String text) {
		StringBuilder folded = new StringBuilder(text.length());
		boolean space = false;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			if (isSpace(c)) {
				space = true;
				continue;
			}
			if (space && !folded.isEmpty()) {
				folded.append(' ');
			}
			space = false;
			folded.appendCodePoint(c);
		}
		return folded.toString();
	}

	/**
	 * Several lines: line feeds kept, other white space one space each, no spaces at line
	 * ends, few blank lines.
	 */
	private static String foldLines(String text) {
		StringBuilder unified = new StringBuilder(text.length());
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			if (c == CARRIAGE_RETURN) {
				if (i < text.length() && text.charAt(i) == LINE_FEED) {
					i++;
				}
				unified.append('\n');
			}
			else if (c == LINE_FEED || c == LINE_SEPARATOR || c == PARAGRAPH_SEPARATOR) {
				unified.append('\n');
			}
			else if (isSpace(c)) {
				unified.append(' ');
			}
			else {
				unified.appendCodePoint(c);
			}
		}
		StringBuilder lines = new StringBuilder(unified.length());
		int blankRun = 0;
		for (String line : unified.toString().split("\n", -1)) {
			String kept = line.stripTrailing();
			if (kept.isEmpty()) {
				blankRun++;
				if (blankRun > MAX_BLANK_LINES) {
					continue;
				}
			}
			else {
				blankRun = 0;
			}
			lines.append(kept).append('\n');
		}
		return strip(lines.toString());
	}

	/** Removes spaces and line feeds at both ends. */
	private static String strip(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\n')) {
			start++;
		}
		while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\n')) {
			end--;
		}
		return text.substring(start, end);
	}

	private static boolean tooManyMarks(String text) {
		String decomposed = NFD.normalize(text);
		int run = 0;
		for (int i = 0; i < decomposed.length();) {
			int c = decomposed.codePointAt(i);
			i += Character.charCount(c);
			if (isNonspacingMark(c)) {
				if (++run > MAX_MARKS_PER_CHARACTER) {
					return true;
				}
			}
			else {
				run = 0;
			}
		}
		return false;
	}

}
