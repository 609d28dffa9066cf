package fi.tukipiiri.moderation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds risk words and phrases in a message. Terms are matched as whole words, case- and spacing-insensitively;
 * a trailing {@code *} lets a word take any ending ({@code itsemurh*} finds "itsemurhaa", "itsemurhasta").
 */
final class RiskTerms {

	private record Term(String category, Pattern pattern) {
	}

	private final List<Term> terms = new ArrayList<>();

	/** @param categories category → language → terms */
	RiskTerms(Map<String, Map<String, List<String>>> categories) {
		categories.forEach((category, languages) -> languages.values().forEach(list -> list.stream()
				.map(RiskTerms::normalise).filter(term -> !term.isBlank())
				.forEach(term -> terms.add(new Term(category, compile(term))))));
	}

	/** The categories the text touches, in alphabetical order; empty if none. */
	Set<String> categoriesIn(String text) {
		String normalised = normalise(text);
		Set<String> found = new TreeSet<>();
		for (Term term : terms) {
			if (!found.contains(term.category()) && term.pattern().matcher(normalised).find()) {
				found.add(term.category());
			}
		}
		return found;
	}

	private static Pattern compile(String term) {
		boolean open = term.endsWith("*");
		String[] words = (open ? term.substring(0, term.length() - 1) : term).strip().split(" +");
		StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
		for (int i = 0; i < words.length; i++) {
			regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
		}
		regex.append(open ? "" : "(?![\\p{L}\\p{N}])");
		return Pattern.compile(regex.toString());
	}

	/** Compatibility forms folded, lower case, curly apostrophes straightened, runs of white space made one. */
	private static String normalise(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('\u2019', '\'')
				.replaceAll("\\s+", " ");
	}
}
