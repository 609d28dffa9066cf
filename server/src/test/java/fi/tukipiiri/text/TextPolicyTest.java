package fi.tukipiiri.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The text policy, one rule at a time. The web client's {@code text-policy.test.ts}
 * checks its counting and folding against the same example strings.
 */
class TextPolicyTest {

	private static final int NAME_MIN = 2;

	private static final int NAME_MAX = 40;

	private static final int MESSAGE_MAX = 4000;

	private static String accepted(TextCheck check) {
		assertThat(check).as("accepted").isInstanceOf(TextCheck.Accepted.class);
		return ((TextCheck.Accepted) check).text();
	}

	private static Refusal refusal(TextCheck check) {
		assertThat(check).as("refused").isInstanceOf(TextCheck.Refused.class);
		return ((TextCheck.Refused) check).refusal();
	}

	private static String name(String raw) {
		return accepted(TextPolicy.name(raw, NAME_MIN, NAME_MAX));
	}

	private static String message(String raw) {
		return accepted(TextPolicy.multiLine(raw, 1, MESSAGE_MAX));
	}

	private static String nfd(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Áŋŋe", "Zoë", "Čeavčča", "Đuoddar Ŧ Ž", "Ǩiõll Ǥǥ ʒ", "Nguyễn Thị Ánh", "Äiti Anna",
			"Åsa Öberg", "Anna99", "Мария", "O'Brien-Smith (isä)", "山田 Anna" })
	void ordinaryNamesPassUnchanged(String raw) {
		assertThat(name(raw)).isEqualTo(raw);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Áŋŋe", "Zoë", "Čeavčča", "Nguyễn Thị Ánh", "Ǩiõll" })
	void decomposedInputIsStoredComposed(String composed) {
		String decomposed = nfd(composed);
		assertThat(decomposed).isNotEqualTo(composed);
		assertThat(name(decomposed)).isEqualTo(composed);
		assertThat(message(decomposed)).isEqualTo(composed);
	}

	/**
	 * A joiner before Arabic marks out of canonical order: NFC puts the
	 * Latin-script-neutral mark (U+0318) first, so the joiner no longer shapes anything
	 * and goes, and the result is its own canonical form (found by fuzzing).
	 */
	@Test
	void aJoinerIsJudgedByTheMarksAsNfcOrdersThem() {
		String text = message("\u076A\u200C\u0610\u0318");
		assertThat(text).isEqualTo("\u076A\u0318\u0610");
		assertThat(message(text)).isEqualTo(text);
	}

	@Test
	void whiteSpaceOfEveryKindFoldsToOneSpaceInALine() {
		assertThat(name("  Äiti\u00A0\u2003 Anna\t\r\n ")).isEqualTo("Äiti Anna");
		assertThat(accepted(TextPolicy.singleLine("Eron\u2028jälkeen\u3000 arki", 1, 120)))
			.isEqualTo("Eron jälkeen arki");
	}

	@Test
	void invisibleCharactersAreRemovedFromNames() {
		assertThat(name("An\u200Bna")).isEqualTo("Anna");
		assertThat(name("Ohjaaja\u2060 \u00ADMaria\uFEFF")).isEqualTo("Ohjaaja Maria");
		assertThat(name("Ohjaaja\u202E Maria\u2066")).isEqualTo("Ohjaaja Maria");
		assertThat(name("Ma\u034Fria\uFE0F")).isEqualTo("Maria");
	}

	/**
	 * Zero-width space, joiner, word joiner, soft hyphen, BOM, variation selector, CGJ,
	 * Hangul fillers, braille blank.
	 */
	private static final String INVISIBLE_ONLY = "\u200B\u200D\u2060\u00AD\uFEFF\uFE0F\u034F\u3164\u115F\u1160\uFFA0\u2800\u202E\u2066";

	@Test
	void aNameOrMessageOfOnlyInvisibleCharactersIsEmpty() {
		assertThat(refusal(TextPolicy.name(INVISIBLE_ONLY, NAME_MIN, NAME_MAX))).isEqualTo(Refusal.EMPTY);
		assertThat(refusal(TextPolicy.name(" \u3164 \u2800 ", NAME_MIN, NAME_MAX))).isEqualTo(Refusal.EMPTY);
		assertThat(refusal(TextPolicy.multiLine(INVISIBLE_ONLY + " \n\t ", 1, MESSAGE_MAX))).isEqualTo(Refusal.EMPTY);
		assertThat(accepted(TextPolicy.singleLine(INVISIBLE_ONLY, 0, 500))).as("an optional field").isEmpty();
		assertThat(Refusal.EMPTY.code()).isEqualTo("not_blank");
	}

	@Test
	void invisibleCharactersDoNotCountTowardsTheLength() {
		assertThat(refusal(TextPolicy.name("A\u200B\u200B\u200B", NAME_MIN, NAME_MAX))).isEqualTo(Refusal.TOO_SHORT);
		assertThat(name("x".repeat(NAME_MAX) + "\u200B".repeat(100))).hasSize(NAME_MAX);
	}

	@Test
	void bidirectionalOverridesAreStrippedFromMessages() {
		assertThat(message("Soita minulle\u202E4321\u202C huomenna")).isEqualTo("Soita minulle4321 huomenna");
		assertThat(message("\u2067abc\u2069 ja \u202Bdef\u202C")).isEqualTo("abc ja def");
	}

	@Test
	void messagesKeepLineFeedsAndTheirOwnSpacing() {
		assertThat(message("  Hei kaikki!\r\nMiten menee?  \r\r\n\n\n\nMoi\u2028x\u2029y"))
			.isEqualTo("Hei kaikki!\nMiten menee?\n\n\nMoi\nx\ny");
		assertThat(message("a\tb  c\u00A0d")).isEqualTo("a b  c d");
		assertThat(message("\n\n  sisennys\n    jatkuu\n\n")).isEqualTo("sisennys\n    jatkuu");
	}

	@Test
	void atMostTwoBlankLinesInARow() {
		assertThat(message("yksi" + "\n".repeat(50) + "kaksi")).isEqualTo("yksi\n\n\nkaksi");
		assertThat(message("yksi\n \n\t\n \u00A0\nkaksi")).isEqualTo("yksi\n\n\nkaksi");
	}

	@Test
	void emojiSequencesKeepTheirJoinersAndSelectors() {
		String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
		String heart = "\u2764\uFE0F";
		String keycap = "1\uFE0F\u20E3";
		String rainbowFlag = "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08";
		String scotland = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F";
		String waveDarkSkin = "\uD83D\uDC4B\uD83C\uDFFF";
		for (String emoji : new String[] { family, heart, keycap, rainbowFlag, scotland, waveDarkSkin }) {
			assertThat(message("Kiitos " + emoji)).isEqualTo("Kiitos " + emoji);
			assertThat(accepted(TextPolicy.singleLine(emoji, 1, 120))).isEqualTo(emoji);
		}
		assertThat(message("A\uFE0F B\u200DC \uD83D\uDE00\u200Dx")).isEqualTo("A BC \uD83D\uDE00x");
	}

	@Test
	void joinersStayOnlyWhereTheyShapeAWord() {
		String persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";
		String devanagari = "\u0915\u094D\u200D\u0937";
		assertThat(message(persian)).isEqualTo(persian);
		assertThat(message(devanagari)).isEqualTo(devanagari);
		assertThat(message("itse\u200Dmurhaa ja itse\u200Cmurhaa")).isEqualTo("itsemurhaa ja itsemurhaa");
		assertThat(accepted(TextPolicy.name(persian, NAME_MIN, NAME_MAX))).doesNotContain("\u200C");
	}

	@Test
	void stacksOfCombiningMarksAreRefused() {
		String zalgo = "Z\u0301\u0302\u0303\u0304\u0305a\u0306\u0307\u0308\u0309\u030A\u030B\u030Clgo";
		assertThat(refusal(TextPolicy.name(zalgo, NAME_MIN, NAME_MAX))).isEqualTo(Refusal.TOO_MANY_MARKS);
		assertThat(refusal(TextPolicy.multiLine("Hei " + zalgo, 1, MESSAGE_MAX))).isEqualTo(Refusal.TOO_MANY_MARKS);
		assertThat(Refusal.TOO_MANY_MARKS.code()).isEqualTo("combining_marks");
		assertThat(message("a\u0301\u0302\u0303\u0304")).as("four marks on one letter, the first composed")
			.isEqualTo("\u00E1\u0302\u0303\u0304");
		assertThat(refusal(TextPolicy.multiLine("a\u0301\u0302\u0303\u0304\u0305", 1, MESSAGE_MAX)))
			.isEqualTo(Refusal.TOO_MANY_MARKS);
	}

	@Test
	void marksHiddenBetweenInvisibleCharactersStillCount() {
		String spread = "a" + "\u0301\u200B".repeat(6);
		assertThat(refusal(TextPolicy.multiLine(spread, 1, MESSAGE_MAX))).isEqualTo(Refusal.TOO_MANY_MARKS);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "Ohjaaja\u0000", "Anna\u0007", "Anna\u001B[31m", "An\u007Fna", "Anna\u0085", "An\u009Bna" })
	void controlCharactersAreRefusedEverywhere(String raw) {
		assertThat(refusal(TextPolicy.name(raw, NAME_MIN, NAME_MAX))).isEqualTo(Refusal.CONTROL_CHARACTER);
		assertThat(refusal(TextPolicy.multiLine(raw, 1, MESSAGE_MAX))).isEqualTo(Refusal.CONTROL_CHARACTER);
		assertThat(refusal(TextPolicy.verbatim(raw, 1, 128))).isEqualTo(Refusal.CONTROL_CHARACTER);
		assertThat(Refusal.CONTROL_CHARACTER.code()).isEqualTo("control_character");
	}

	@Test
	void tabsAndLineBreaksAreWhiteSpaceExceptInVerbatimText() {
		assertThat(accepted(TextPolicy.singleLine("a\tb\r\nc", 1, 10))).isEqualTo("a b c");
		assertThat(refusal(TextPolicy.verbatim("salasana\tpitkä", 10, 128))).isEqualTo(Refusal.CONTROL_CHARACTER);
		assertThat(TextPolicy.forbiddenCharacter("a\tb\nc\rd", true)).isEmpty();
		assertThat(TextPolicy.forbiddenCharacter("a\tb", false)).contains(Refusal.CONTROL_CHARACTER);
	}

	@Test
	void unpairedSurrogatesAreNotText() {
		assertThat(refusal(TextPolicy.multiLine("a\uD800b", 1, MESSAGE_MAX))).isEqualTo(Refusal.UNPAIRED_SURROGATE);
		assertThat(refusal(TextPolicy.multiLine("a\uDC00", 1, MESSAGE_MAX))).isEqualTo(Refusal.UNPAIRED_SURROGATE);
		assertThat(Refusal.UNPAIRED_SURROGATE.code()).isEqualTo("invalid_character");
	}

	@Test
	void verbatimTextIsKeptExactlyAsTyped() {
		String password = "  Sala\u00A0sana\u200B é  ";
		assertThat(accepted(TextPolicy.verbatim(password, 10, 128))).isEqualTo(password);
	}

	@Test
	void lengthsAreCodePointsAfterFolding() {
		String emoji = "\uD83D\uDE00".repeat(2500);
		assertThat(message(emoji)).isEqualTo(emoji);
		assertThat(TextPolicy.length(emoji)).isEqualTo(2500);
		assertThat(message("ä".repeat(MESSAGE_MAX))).hasSize(MESSAGE_MAX);
		assertThat(message("\uD83D\uDE0A".repeat(MESSAGE_MAX))).as("4,000 emoji").hasSize(2 * MESSAGE_MAX);
		assertThat(message("a\u0308".repeat(MESSAGE_MAX))).as("4,000 letters typed decomposed, composed to 4,000")
			.isEqualTo("ä".repeat(MESSAGE_MAX));
		assertThat(refusal(TextPolicy.multiLine("\uD83D\uDE00".repeat(MESSAGE_MAX + 1), 1, MESSAGE_MAX)))
			.isEqualTo(Refusal.TOO_LONG);
		assertThat(refusal(TextPolicy.multiLine("ä".repeat(MESSAGE_MAX + 1), 1, MESSAGE_MAX)))
			.isEqualTo(Refusal.TOO_LONG);
		assertThat(accepted(TextPolicy.singleLine("a" + " ".repeat(10) + "b", 1, 3))).isEqualTo("a b");
		assertThat(name("\uD835\uDC00" + "a".repeat(NAME_MAX - 1))).as("a letter outside the BMP counts once")
			.hasSize(NAME_MAX + 1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "<b>Anna</b>", "Anna \uD83D\uDE00", "Anna@koti", "Anna \u2764", "Anna#1" })
	void namesHoldOnlyLettersMarksDigitsAndSomePunctuation(String raw) {
		assertThat(refusal(TextPolicy.name(raw, NAME_MIN, NAME_MAX))).isEqualTo(Refusal.NOT_A_NAME);
		assertThat(Refusal.NOT_A_NAME.code()).isEqualTo("pattern");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "Ohjaaja M\u0430ria", "\u039Caria", "Ohj\u0430\u0430j\u0430", "Pi\u0430", "Anna 12\u0663" })
	void mixedScriptLookAlikesAreRefused(String raw) {
		assertThat(refusal(TextPolicy.name(raw, NAME_MIN, NAME_MAX))).isEqualTo(Refusal.MIXED_SCRIPTS);
		assertThat(Refusal.MIXED_SCRIPTS.code()).isEqualTo("mixed_script");
	}

	@Test
	void aNameThatCouldPassForAnotherHasTheSameSkeleton() {
		String staff = TextPolicy.skeleton("Ohjaaja Maria");
		for (String lookAlike : new String[] { "Ohjaaja M\u0430ria", "ohjaaja maria", "OHJAAJA MARIA", "Ohjaaja  Maria",
				"OhjaajaMaria", "Ohjaaja\u200B Maria", "Ohjaaja Mari\u00ADa", "0hjaaja Maria", "Ohjaaja-Maria",
				"Ohjaaja Maria!", "\u039Fhjaaja Maria", nfd("Ohjaaja Maria"), fullwidth("Ohjaaja Maria"),
				"Ohjaaja " + fullwidth("Maria"), "Ohjaaja Mar\u0131\u0307a", "Ohjaaja Mar\u0131a",
				"Ohjaaja Mari\u0307\u0307a" }) {
			assertThat(TextPolicy.skeleton(lookAlike)).as(lookAlike).isEqualTo(staff);
		}
		for (String other : new String[] { "Ohjaaja Marja", "Ohjaaja Maria 2", "Öhjaaja Maria", "Maria" }) {
			assertThat(TextPolicy.skeleton(other)).as(other).isNotEqualTo(staff);
		}
	}

	/**
	 * The text in fullwidth forms (U+FF01–FF5E, the ideographic space), as some keyboards
	 * type it.
	 */
	private static String fullwidth(String text) {
		StringBuilder wide = new StringBuilder();
		text.codePoints()
			.forEach(c -> wide.appendCodePoint(c == ' ' ? 0x3000 : c > ' ' && c < 0x7F ? c - 0x21 + 0xFF01 : c));
		return wide.toString();
	}

	@Test
	void theRiskFormUndoesHidingTricks() {
		String plain = TextPolicy.riskForm("itsemurhaa");
		for (String hidden : new String[] { "itse\u200Bmurhaa", "itse\u00ADmurhaa", "itse\u200Dmurhaa",
				"itse\u2060murhaa", "ITSEMURHAA", "\uFF49\uFF54\uFF53\uFF45\uFF4D\uFF55\uFF52\uFF48\uFF41\uFF41",
				"itsemurh\u0430\u0430", "\u0456tsemurhaa", "i\u0334tsemurhaa", "itsemu\u0336rhaa" }) {
			assertThat(TextPolicy.riskForm(hidden)).as(hidden).isEqualTo(plain);
		}
		assertThat(TextPolicy.riskForm("vill d\u00F6")).isEqualTo(TextPolicy.riskForm(nfd("VILL D\u00D6")));
		assertThat(TextPolicy.riskForm("vill d\u00F6")).as("ä, ö and å are letters of their own")
			.isNotEqualTo(TextPolicy.riskForm("vill do"));
		assertThat(TextPolicy.riskForm(" a \n\t b ")).isEqualTo("a b");
	}

	@Test
	void shorteningKeepsWholeCharacters() {
		assertThat(TextPolicy.shorten("lyhyt", 120)).isEqualTo("lyhyt");
		String shortened = TextPolicy.shorten("a".repeat(130), 120);
		assertThat(TextPolicy.length(shortened)).isEqualTo(120);
		assertThat(shortened).endsWith("…");
		String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
		String cut = TextPolicy.shorten("ab" + family + "cd", 6);
		assertThat(cut).isEqualTo("ab…");
	}

	@Test
	void fieldLimitsAlsoCountBytesWhereAStoreNeedsIt() {
		FieldLimit password = new FieldLimit("password", TextKind.VERBATIM, 10, 128, 72);
		assertThat(accepted(password.check("x".repeat(72)))).hasSize(72);
		assertThat(refusal(password.check("x".repeat(73)))).isEqualTo(Refusal.TOO_MANY_BYTES);
		assertThat(refusal(password.check("\uD83D\uDE00".repeat(19)))).as("19 emoji are 76 bytes")
			.isEqualTo(Refusal.TOO_MANY_BYTES);
		assertThat(refusal(password.check("lyhyt"))).isEqualTo(Refusal.TOO_SHORT);
	}

}
