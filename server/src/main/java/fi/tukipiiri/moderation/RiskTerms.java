package fi.tukipiiri.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import fi.tukipiiri.text.TextPolicy;

/**
 * Finds risk words and phrases in a message. Terms and text are both brought to
 * {@link TextPolicy#riskForm} (hidden characters and soft hyphens removed, compatibility
 * forms folded, case folded, look-alike letters mapped to their confusable skeleton), so
 * "itse&lt;zero-width space&gt;murhaa", "ＫＩＬＬ ＹＯＵ" or a Cyrillic "а" inside a word still
 * match. Terms are matched as whole words, the words of a phrase separated by any white
 * space; a trailing {@code *} lets the last word take any ending ({@code itsemurh*} finds
 * "itsemurhaa", "itsemurhasta") but no beginning.
 */
final class RiskTerms {

	/** What may not touch a term on either side for it to count as a whole word. */
	private static final String WORD_CHARACTER = "[\\p{L}\\p{M}\\p{N}]";

	/**
	 * @param literal the term's first word as it must appear in the text: a plain
	 * substring search (fast, vectorised) rules most terms out before the pattern runs
	 */
	private record Term(String category, String literal, Pattern pattern) {
	}

	private final List<Term> terms = new ArrayList<>();

	/**
	 * @param categories category → language → terms
	 */
	RiskTerms(Map<String, Map<String, List<String>>> categories) {
		categories.forEach((category, languages) -> languages.values()
			.forEach(list -> list.stream()
				.filter(term -> !TextPolicy.riskForm(term.replace("*", "")).isEmpty())
				.forEach(term -> terms.add(new Term(category, firstWord(term), compile(term))))));
	}

	/** The categories the text touches, in alphabetical order; empty if none. */
	Set<String> categoriesIn(String text) {
		String canonical = TextPolicy.riskForm(text);
		Set<String> found = new TreeSet<>();
		for (Term term : terms) {
			if (!found.contains(term.category()) && canonical.contains(term.literal())
					&& term.pattern().matcher(canonical).find()) {
				found.add(term.category());
			}
		}
		return found;
	}

	private static String firstWord(String term) {
		return words(term)[0];
	}

	private static String[] words(String term) {
		String trimmed = term.strip();
		boolean open = trimmed.endsWith("*");
		return TextPolicy.riskForm(open ? trimmed.substring(0, trimmed.length() - 1) : trimmed).split(" ");
	}

	private static Pattern compile(String term) {
		boolean open = term.strip().endsWith("*");
		String[] words = words(term);
		StringBuilder regex = new StringBuilder("(?<!" + WORD_CHARACTER + ")");
		for (int i = 0; i < words.length; i++) {
			regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
		}
		regex.append(open ? "" : "(?!" + WORD_CHARACTER + ")");
		return Pattern.compile(regex.toString());
	}

}
