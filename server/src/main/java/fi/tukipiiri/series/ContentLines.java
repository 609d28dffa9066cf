package fi.tukipiiri.series;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Folds iCalendar content lines as RFC 5545 §3.1 asks: no physical line longer than 75
 * octets, excluding the line break, each continuation starting with one space; lines end
 * in CRLF. Octets are counted in UTF-8, and a fold falls only between code points, never
 * inside a multi-octet sequence, so every physical line is valid UTF-8 and unfolding
 * (removing each CRLF followed by a space) gives back the text exactly.
 */
final class ContentLines {

	static final int MAX_OCTETS = 75;

	private static final byte[] FOLD = { '\r', '\n', ' ' };

	private static final byte[] END = { '\r', '\n' };

	private ContentLines() {
	}

	/**
	 * {@code unfolded}: content lines separated by CRLF (or LF), as ical4j writes them
	 * before its own folding.
	 */
	static byte[] fold(String unfolded) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(unfolded.length() + unfolded.length() / 16);
		for (String line : unfolded.split("\r?\n")) {
			if (!line.isEmpty()) {
				foldLine(line, out);
				out.writeBytes(END);
			}
		}
		return out.toByteArray();
	}

	private static void foldLine(String line, ByteArrayOutputStream out) {
		int octetsOnLine = 0;
		for (int i = 0; i < line.length();) {
			int codePoint = line.codePointAt(i);
			byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
			if (octetsOnLine + encoded.length > MAX_OCTETS) {
				out.writeBytes(FOLD);
				octetsOnLine = 1;
			}
			out.writeBytes(encoded);
			octetsOnLine += encoded.length;
			i += Character.charCount(codePoint);
		}
	}

}
