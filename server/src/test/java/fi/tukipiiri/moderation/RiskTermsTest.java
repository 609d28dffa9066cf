package fi.tukipiiri.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RiskTermsTest {

	private final RiskTerms terms = new RiskTerms(Map.of(
			"self-harm", Map.of("fi", List.of("itsemurh*", "haluan kuolla"), "sv", List.of("vill dö"), "en", List.of("kill myself")),
			"threat", Map.of("fi", List.of("tapan sinut"), "en", List.of("kill you"))));

	@Test
	void findsWholeWordsAndPhrasesInEachLanguageRegardlessOfCaseAndSpacing() {
		assertThat(terms.categoriesIn("Ajattelin ITSEMURHAA eilen")).containsExactly("self-harm");
		assertThat(terms.categoriesIn("Jag  vill\ndö ibland")).containsExactly("self-harm");
		assertThat(terms.categoriesIn("Sometimes I want to kill myself.")).containsExactly("self-harm");
		assertThat(terms.categoriesIn("Hän sanoi: tapan sinut! Haluan kuolla.")).containsExactly("self-harm", "threat");
	}

	@Test
	void doesNotFlagWordsThatMerelyContainATerm() {
		assertThat(terms.categoriesIn("skill youth programmes")).isEmpty();
		assertThat(terms.categoriesIn("Lapset nukkuvat, hyvää yötä")).isEmpty();
		assertThat(terms.categoriesIn("")).isEmpty();
	}

	@Test
	void aTrailingStarTakesAnyEndingButNotAnyBeginning() {
		assertThat(terms.categoriesIn("itsemurhasta puhuminen")).containsExactly("self-harm");
		assertThat(terms.categoriesIn("epäitsemurha")).isEmpty();
	}

	@Test
	void compatibilityFormsAreFolded() {
		assertThat(terms.categoriesIn("ＫＩＬＬ ＹＯＵ")).containsExactly("threat");
	}
}
