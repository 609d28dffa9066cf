package fi.tukipiiri.accounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsTest {

	@Test
	void aUsernameWithinTheRuleIsFoldedToLowerCaseAsciiOnly() {
		assertThat(Credentials.canonicalUsername("Anna.Virtanen_2-x")).contains("anna.virtanen_2-x");
		assertThat(Credentials.canonicalUsername("ILKKA")).as("no Turkish dotless i, whatever the default locale")
			.contains("ilkka");
		assertThat(Credentials.canonicalUsername("abc")).contains("abc");
		assertThat(Credentials.canonicalUsername("a".repeat(32))).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ADM\u0130N", "\u212Aalle", "\u017Fanna", "\uFF41\uFF44\uFF4D\uFF49\uFF4E", "admi\u0307n",
			"anna\u200B", "ab", "anna virtanen", "anna@example.fi", "äiti", "" })
	void anythingElseNamesNoAccount(String identifier) {
		assertThat(Credentials.canonicalUsername(identifier)).isEmpty();
		assertThat(Credentials.canonicalUsername("a".repeat(33))).isEmpty();
		assertThat(Credentials.canonicalUsername(null)).isEmpty();
	}

}
