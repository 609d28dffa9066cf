package fi.tukipiiri.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;

/**
 * Names stored before the text policy get their NFC form and skeleton, and are protected
 * like names stored since.
 */
@IntegrationTest
class NameSkeletonsIT {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NameSkeletons skeletons;

	@Test
	void anOldNameIsComposedAndKeyedSoAStaffNameStaysProtected() {
		String digits = String.valueOf(100_000 + (int) (Math.random() * 900_000));
		String name = "Ohjaaja Väinö " + digits;
		Session staff = api.staffMember("Väliaikainen", "FACILITATOR");
		jdbc.sql("update accounts set display_name = :name, display_name_skeleton = null where id = :id")
			.param("name", Normalizer.normalize(name, Normalizer.Form.NFD))
			.param("id", staff.id())
			.update();
		assertThat(api.post("/api/auth/guest", Map.of("nickname", name)).status()).as("not yet keyed").isEqualTo(201);

		skeletons.afterSingletonsInstantiated();

		assertThat(jdbc.sql("select display_name from accounts where id = :id")
			.param("id", staff.id())
			.query(String.class)
			.single()).isEqualTo(name);
		assertThat(jdbc.sql("select count(*) from accounts where display_name_skeleton is null")
			.query(Long.class)
			.single()).isZero();
		var refused = api.post("/api/auth/guest", Map.of("nickname", name.toUpperCase()));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().path("errors").get(0).path("code").asString()).isEqualTo("impersonation");
	}

}
