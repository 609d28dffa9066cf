package fi.tukipiiri.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The text policy under arbitrary text: it never throws; what it accepts is NFC, within
 * its length in code points, free of control characters (line breaks only where a kind
 * keeps them), and accepted again unchanged (the canonical form is a fixed point, so
 * storing and re-reading never changes a text). The look-alike skeleton and the risk form
 * never throw either. The corpus in
 * {@code src/test/resources/fi/tukipiiri/text/TextPolicyFuzzTestInputs} is replayed in
 * every build.
 */
class TextPolicyFuzzTest {

	private static final TextKind[] KINDS = TextKind.values();

	@FuzzTest(maxDuration = "30s")
	void theCanonicalFormIsCleanWithinItsLengthAndAFixedPoint(FuzzedDataProvider data) {
		TextKind kind = KINDS[data.consumeInt(0, KINDS.length - 1)];
		int min = data.consumeInt(0, 3);
		int max = data.consumeInt(min, 60);
		String raw = data.consumeRemainingAsString();

		TextCheck check = TextPolicy.check(kind, raw, min, max);
		TextPolicy.skeleton(raw);
		TextPolicy.riskForm(raw);
		if (!(check instanceof TextCheck.Accepted accepted)) {
			return;
		}
		String text = accepted.text();
		int length = TextPolicy.length(text);
		assertThat(length).as("length of %s", text).isLessThanOrEqualTo(max);
		assertThat(length == 0 ? min == 0 : length >= min).as("at least %d code points: %s", min, text).isTrue();
		if (kind == TextKind.VERBATIM) {
			assertThat(text).isEqualTo(raw);
			return;
		}
		assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as("NFC: %s", text).isTrue();
		assertThat(text.codePoints().filter(c -> Character.getType(c) == Character.CONTROL && c != '\n'))
			.as("control characters in %s", text)
			.isEmpty();
		if (kind != TextKind.MULTI_LINE) {
			assertThat(text).as("one line")
				.doesNotContain("\n")
				.doesNotStartWith(" ")
				.doesNotEndWith(" ")
				.doesNotContain("  ");
		}
		assertThat(TextPolicy.check(kind, text, min, max)).as("accepted again unchanged").isEqualTo(check);
	}

}
