package fi.tukipiiri.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StrictValuesTest {

	@Test
	void eachValueIsReadInItsOneForm() {
		assertThat(StrictValues.date("2028-02-29")).isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(StrictValues.instant("2026-12-29T22:00:00Z")).isEqualTo(Instant.parse("2026-12-29T22:00:00Z"));
		assertThat(StrictValues.instant("2026-12-30T00:00:00.5+02:00"))
			.isEqualTo(Instant.parse("2026-12-29T22:00:00.5Z"));
		assertThat(StrictValues.uuid("0F8FAD5B-D9CB-469F-A165-70867728950E"))
			.isEqualTo(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));
		assertThat(StrictValues.wholeNumber("-42")).isEqualTo(-42L);
		assertThat(StrictValues.integer("2147483647")).isEqualTo(Integer.MAX_VALUE);
		assertThat(StrictValues.bool("false")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-02-29", "2026-02-30", "2026-13-01", "2026-12-29T22:00:00.000Z", "+2026-01-01",
			"26-01-01", "2026-1-1", "" })
	void datesThatAreNotExistingDaysInTheirFormAreRefused(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> StrictValues.date(text))
			.withMessageStartingWith("Expected ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-12-29", "2026-12-29T22:00:00", "2026-02-30T10:00:00Z", "2026-12-29t22:00:00z",
			"1767045600000", "Tue, 29 Dec 2026 22:00:00 GMT", "2026-12-29T22:00Z", "2026-12-29T22:00:00 02:00" })
	void instantsNeedTheirWholeFormAndAnOffset(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> StrictValues.instant(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1-1-1-1-1", "0f8fad5bd9cb469fa16570867728950e", "{0f8fad5b-d9cb-469f-a165-70867728950e}",
			" 0f8fad5b-d9cb-469f-a165-70867728950e" })
	void uuidsAreTheirThirtySixCharacters(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> StrictValues.uuid(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0x10", "#10", "+10", " 10", "10.0", "1e2", "", "2147483648" })
	void integersAreDecimalDigitsInRange(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> StrictValues.integer(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "0", "yes", "on", "TRUE", "False", "" })
	void booleansAreTrueOrFalse(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> StrictValues.bool(text));
	}

}
