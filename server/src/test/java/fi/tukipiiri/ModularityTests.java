package fi.tukipiiri;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	@Test
	void featuresDependOnEachOtherOnlyThroughTheirApis() {
		ApplicationModules.of(TukipiiriApplication.class).verify();
	}
}
