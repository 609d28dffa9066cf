package fi.tukipiiri.series;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContentLinesTest {

	@ParameterizedTest
	@ValueSource(strings = {
			"SUMMARY:Minä\\, tunteet ja taidot: Äitien ja isien ilta – öisin ääneen ajatellen\\; yhdessä ja erikseen",
			"SUMMARY:Sámegiella: Mánáid ja nuoraid čoahkkin Ohcejogas\\, ođđa ja boares ŋ đ ž č š ŧ áššit ja eará dieđut",
			"DESCRIPTION:👨‍👩‍👧‍👦🧡🫶🏽 perhe 👨‍👩‍👧‍👦🧡🫶🏽 perhe 👨‍👩‍👧‍👦🧡🫶🏽 perhe 👨‍👩‍👧‍👦🧡🫶🏽 perhe 👨‍👩‍👧‍👦🧡🫶🏽",
			"DESCRIPTION:ääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääää",
			"X:a", "SUMMARY:" + "x" })
	void everyPhysicalLineFitsIn75OctetsIsValidUtf8AndUnfoldsToTheOriginal(String line)
			throws CharacterCodingException {
		String text = "BEGIN:VEVENT\r\n" + line + line.repeat(2) + "\r\n" + "END:VEVENT\r\n";
		byte[] folded = ContentLines.fold(text);

		List<byte[]> physical = physicalLines(folded);
		for (byte[] octets : physical) {
			assertThat(octets.length).isLessThanOrEqualTo(ContentLines.MAX_OCTETS);
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(octets));
		}
		String unfolded = new String(folded, StandardCharsets.UTF_8).replace("\r\n ", "");
		assertThat(unfolded).isEqualTo(text);
		assertThat(new String(folded, StandardCharsets.UTF_8)).endsWith("\r\n").doesNotContain("\r\n\r\n");
	}

	@ParameterizedTest
	@ValueSource(ints = { 74, 75, 76, 149, 150, 151 })
	void aLineIsFoldedOnlyWhenItMustBe(int length) {
		byte[] folded = ContentLines.fold("a".repeat(length) + "\r\n");
		List<byte[]> physical = physicalLines(folded);
		assertThat(physical.get(0)).hasSize(Math.min(length, 75));
		int expectedLines = length <= 75 ? 1 : 1 + (length - 75 + 73) / 74;
		assertThat(physical).hasSize(expectedLines);
	}

	/**
	 * The octets of each physical line, without its CRLF (a continuation keeps its
	 * leading space).
	 */
	private static List<byte[]> physicalLines(byte[] folded) {
		List<byte[]> lines = new java.util.ArrayList<>();
		int start = 0;
		for (int i = 0; i + 1 < folded.length; i++) {
			if (folded[i] == '\r' && folded[i + 1] == '\n') {
				lines.add(Arrays.copyOfRange(folded, start, i));
				start = i + 2;
				i++;
			}
		}
		assertThat(start).as("ends with CRLF").isEqualTo(folded.length);
		return lines;
	}

}
