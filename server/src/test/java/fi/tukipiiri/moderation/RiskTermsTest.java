package fi.tukipiiri.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Risk words as configured in {@code application.yml}: every term of every category and
 * language is found in a sentence as written and with each way of hiding it, and ordinary
 * sentences are left alone.
 */
class RiskTermsTest {

	private static final Map<String, Map<String, List<String>>> CONFIGURED = configuredTerms();

	private static final RiskTerms TERMS = new RiskTerms(CONFIGURED);

	/** Latin letters and a Cyrillic or Greek letter drawn the same. */
	private static final Map<Character, Character> CYRILLIC = Map.of('a', 'а', 'e', 'е', 'o', 'о', 'p', 'р', 'c', 'с',
			'x', 'х', 'y', 'у', 'i', 'і', 'd', 'ԁ', 's', 'ѕ');

	private static final Map<Character, Character> GREEK = Map.of('o', 'ο', 'a', 'α', 'v', 'ν');

	/** An ending for a term with a trailing {@code *}, per language. */
	private static final Map<String, String> ENDINGS = Map.of("fi", "ista", "sv", "et", "en", "es");

	private static Map<String, Map<String, List<String>>> configuredTerms() {
		try {
			StandardEnvironment environment = new StandardEnvironment();
			new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
				.forEach(environment.getPropertySources()::addLast);
			ModerationSettings settings = new Binder(ConfigurationPropertySources.get(environment))
				.bind("tukipiiri.moderation", ModerationSettings.class)
				.get();
			return settings.riskTerms();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Ways to hide a phrase; each keeps it readable as the same words. */
	private static Map<String, UnaryOperator<String>> disguises() {
		Map<String, UnaryOperator<String>> disguises = new LinkedHashMap<>();
		disguises.put("as written", phrase -> phrase);
		disguises.put("zero-width space inside a word", phrase -> insideFirstWord(phrase, "\u200B"));
		disguises.put("soft hyphen inside a word", phrase -> insideFirstWord(phrase, "\u00AD"));
		disguises.put("zero-width joiner inside a word", phrase -> insideFirstWord(phrase, "\u200D"));
		disguises.put("word joiner inside a word", phrase -> insideFirstWord(phrase, "\u2060"));
		disguises.put("invisible characters between the letters", phrase -> between(phrase, "\u200C\u2060"));
		disguises.put("a Cyrillic look-alike letter", phrase -> lookAlike(phrase, CYRILLIC));
		disguises.put("fullwidth letters", RiskTermsTest::fullwidth);
		disguises.put("upper case", phrase -> phrase.toUpperCase(Locale.ROOT));
		disguises.put("decomposed (NFD)", phrase -> Normalizer.normalize(phrase, Normalizer.Form.NFD));
		disguises.put("no-break spaces and line breaks between words",
				phrase -> phrase.replaceFirst(" ", "\u00A0").replace(" ", "\n"));
		disguises.put("all at once",
				phrase -> insideFirstWord(lookAlike(phrase, CYRILLIC), "\u200B").toUpperCase(Locale.ROOT));
		return disguises;
	}

	@TestFactory
	Stream<DynamicTest> everyConfiguredTermIsFoundHoweverItIsHidden() {
		assertThat(CONFIGURED).containsKeys("self-harm", "violence", "threat");
		List<DynamicTest> tests = new ArrayList<>();
		CONFIGURED.forEach((category, languages) -> {
			assertThat(languages).as(category).containsKeys("fi", "sv", "en");
			languages.forEach((language, terms) -> terms.forEach(term -> {
				String phrase = sample(term, language);
				disguises().forEach((disguise, hide) -> {
					String hidden = hide.apply(phrase);
					if (disguise.equals("as written") || !hidden.equals(phrase)) {
						tests.add(DynamicTest.dynamicTest(category + " / " + language + " / " + term + " / " + disguise,
								() -> assertThat(TERMS.categoriesIn("Hän kirjoitti: " + hidden + ". Sitten hiljeni."))
									.as(hidden)
									.contains(category)));
					}
				});
				if (containsAny(phrase, GREEK)) {
					tests.add(DynamicTest.dynamicTest(
							category + " / " + language + " / " + term + " / a Greek look-alike letter",
							() -> assertThat(TERMS.categoriesIn(lookAlike(phrase, GREEK))).contains(category)));
				}
				tests.add(DynamicTest.dynamicTest(
						category + " / " + language + " / " + term + " / not inside a longer word",
						() -> assertThat(TERMS.categoriesIn("epä" + phrase)).doesNotContain(category)));
			}));
		});
		return tests.stream();
	}

	@Test
	void everyTermHasALetterWithACyrillicLookAlike() {
		CONFIGURED.values()
			.forEach(languages -> languages.values()
				.forEach(terms -> terms.forEach(term -> assertThat(containsAny(term, CYRILLIC)).as(term).isTrue())));
	}

	@Test
	void ordinarySentencesAreNotFlagged() {
		List<String> ordinary = List.of("Lapset nukkuvat jo, hyvää yötä kaikille",
				"Tapani tuli hakemaan lapset perjantaina", "Vien lapsen kouluun ja menen sitten töihin",
				"Löin varpaani kynnykseen, sattui kovasti", "Lähestymme joulua ja lapset odottavat lomaa",
				"Itsenäisyyspäivänä lapset olivat isällään", "Uhkapeli ei ole ratkaisu mihinkään",
				"Kostamuksen matkasta jäi hyvä mieli", "Jag valde att stanna hemma med barnen",
				"Barnen sover nu, god natt", "Han slog upp boken och läste högt", "Valet av skola var svårt för oss",
				"Vi tar bilen till mormor i helgen", "The violin lesson went well today",
				"Our skill youth programmes start in May", "I want to dine out with the kids on Friday",
				"He hit the road early and was back by noon", "She is a kind and gentle mother",
				"Please hand me the killer sudoku book", "Мама пришла домой вечером",
				"Pitää viedä lapset kouluun aamulla", "Huomenna uhkaa sataa lunta",
				"Lapsi löi päänsä pöytään, mutta ei sattunut", "");
		for (String sentence : ordinary) {
			assertThat(TERMS.categoriesIn(sentence)).as(sentence).isEmpty();
		}
	}

	/**
	 * How people actually write it in a peer chat: colloquial, with words between,
	 * without apostrophes.
	 */
	@Test
	void everydayWordingsAreFound() {
		Map<String, String> written = new LinkedHashMap<>();
		written.put("En halua enää elää tätä elämää", "self-harm");
		written.put("en jaksa enää elää näin", "self-harm");
		written.put("joskus haluaisin kuolla pois", "self-harm");
		written.put("haluun kuolla", "self-harm");
		written.put("tapan itteni jos hän vie lapset", "self-harm");
		written.put("Itsetuhoiset ajatukset palaavat iltaisin", "self-harm");
		written.put("Jag orkar inte leva så här", "self-harm");
		written.put("i dont want to live like this", "self-harm");
		written.put("sometimes I just want to end it all", "self-harm");
		written.put("Se löi mua eilen taas", "violence");
		written.put("hän potkaisi minua lasten nähden", "violence");
		written.put("he choked me last night", "violence");
		written.put("Hän uhkaa viedä lapset ulkomaille", "threat");
		written.put("Ex uhkasi tappaa minut", "threat");
		written.put("He threatened to kill me", "threat");
		written
			.forEach((sentence, category) -> assertThat(TERMS.categoriesIn(sentence)).as(sentence).contains(category));
	}

	@Test
	void aTrailingStarTakesAnyEndingButNotAnyBeginning() {
		assertThat(TERMS.categoriesIn("itsemurhasta puhuminen")).containsExactly("self-harm");
		assertThat(TERMS.categoriesIn("epäitsemurha")).isEmpty();
	}

	@Test
	void severalCategoriesAreReportedOnceEachInOrder() {
		assertThat(TERMS.categoriesIn("Hän sanoi: tapan sinut! Haluan kuolla. Hän löi minua."))
			.containsExactly("self-harm", "threat", "violence");
	}

	private static String sample(String term, String language) {
		return term.endsWith("*") ? term.substring(0, term.length() - 1) + ENDINGS.get(language) : term;
	}

	private static String insideFirstWord(String phrase, String invisible) {
		int cut = Math.max(1,
				Math.min(phrase.indexOf(' ') < 0 ? phrase.length() : phrase.indexOf(' '), phrase.length()) / 2);
		return phrase.substring(0, cut) + invisible + phrase.substring(cut);
	}

	private static String between(String phrase, String invisible) {
		StringBuilder spread = new StringBuilder();
		phrase.codePoints().forEach(c -> spread.appendCodePoint(c).append(c == ' ' ? "" : invisible));
		return spread.toString();
	}

	private static String lookAlike(String phrase, Map<Character, Character> letters) {
		for (int i = 0; i < phrase.length(); i++) {
			Character twin = letters.get(phrase.charAt(i));
			if (twin != null) {
				return phrase.substring(0, i) + twin + phrase.substring(i + 1);
			}
		}
		return phrase;
	}

	private static boolean containsAny(String phrase, Map<Character, Character> letters) {
		return phrase.chars().anyMatch(c -> letters.containsKey((char) c));
	}

	private static String fullwidth(String phrase) {
		StringBuilder wide = new StringBuilder();
		phrase.chars().forEach(c -> wide.append(c > ' ' && c < 0x7F ? (char) (c - 0x21 + 0xFF01) : (char) c));
		return wide.toString();
	}

}
