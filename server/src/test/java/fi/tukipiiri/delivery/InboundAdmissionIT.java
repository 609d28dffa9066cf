package fi.tukipiiri.delivery;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.StompTestClient;

import static fi.tukipiiri.support.StompTestClient.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The count of chat messages in hand goes back to exactly zero once they are answered,
 * however many handlers of the inbound channel hear each frame: a count that drifted
 * below zero would never shed, one that drifted above would shed for ever.
 */
@IntegrationTest
class InboundAdmissionIT {

	@Autowired
	ApiClient api;

	@Autowired
	InboundAdmission admission;

	@Test
	void messagesInHandAreCountedOnceEach() {
		UUID room = this.api.createRoom("Laskuri", "OPEN");
		Session anna = this.api.registerParent("Anna");
		this.api.post("/api/rooms/" + room + "/join", Map.of(), anna.accessToken());
		try (var client = StompTestClient.connect(this.api.baseUrl(), anna.accessToken())) {
			var acks = client.subscribe("/user/queue/acks");
			for (int n = 1; n <= 5; n++) {
				client.sendMessage(room, "count-" + n, "Viesti " + n);
			}
			for (int n = 1; n <= 5; n++) {
				assertThat(next(acks, "ack " + n).path("clientId").asString()).startsWith("count-");
			}
			client.send("/app/rooms/" + room + "/typing", Map.of());
			await().atMost(5, TimeUnit.SECONDS).until(() -> this.admission.inFlight() == 0);
			assertThat(this.admission.inFlight()).isZero();
		}
	}

}
