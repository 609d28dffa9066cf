package fi.tukipiiri.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import fi.tukipiiri.platform.CapturedMail;
import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.NodeProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox loses nothing and sends nothing twice when the node sending a message dies
 * in the middle of it: the test's own node sends only when the test says (its timer is
 * off), node A (its own JVM) claims the message and is killed while its SMTP server waits
 * for the message's last line.
 */
@IntegrationTest
@TestPropertySource(properties = "tukipiiri.reach.tick=1h")
class OutboxCrashIT {

	@Autowired
	ApiClient api;

	@Autowired
	Environment environment;

	@Autowired
	NotificationService notifications;

	@Autowired
	ReachSettingsService reach;

	@Autowired
	OutboxDispatch dispatch;

	@Autowired
	CapturedMail mail;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aNodeKilledMidSendLeavesTheMessageToAnotherWhichSendsItOnce() throws Exception {
		Session parent = api.registerParent("Kaatuva lähetys");
		String address = "k" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
		reach.verifiedEmail(parent.id(), address);
		int smtpPort = environment.getRequiredProperty("spring.mail.port", Integer.class);
		try (StallingSmtpRelay relay = new StallingSmtpRelay(smtpPort);
				NodeProcess nodeA = NodeProcess.startBeside(environment, "--spring.mail.host=127.0.0.1",
						"--spring.mail.port=" + relay.port(), "--tukipiiri.reach.tick=200ms",
						"--logging.level.fi.tukipiiri.notifications=debug")) {
			relay.arm();
			UUID series = UUID.randomUUID();
			notifications.notify(parent.id(), NoticeKind.ENROLMENT_PROMOTED, series,
					Map.of("seriesTitle", "Kaatuva ryhmä", "seriesId", series.toString()));
			assertThat(relay.awaitStalled(30))
				.as(() -> "node A sent all but the message's last line; outbox "
						+ jdbc.sql("select * from notice_outbox where account_id = :a")
							.param("a", parent.id())
							.query()
							.listOfRows())
				.isTrue();
			List<NoticeOutbox.Entry> claimable = transactions.execute(
					status -> new NoticeOutbox(jdbc).claimNextDue(java.time.Instant.now().plus(Duration.ofMinutes(1))));
			assertThat(claimable).as("node A holds the message while it sends").isEmpty();

			nodeA.kill();
		}
		assertThat(sentTo(address)).as("nothing arrived from the dying node").isEmpty();

		// the SMTP server's thread fails on the connection cut mid-message, as it should;
		// that
		// is not this test's failure
		await().atMost(20, TimeUnit.SECONDS)
			.dontCatchUncaughtExceptions()
			.pollInterval(Duration.ofMillis(300))
			.until(() -> {
				dispatch.tick();
				return sentTo(address).size() == 1;
			});
		dispatch.tick();
		Thread.sleep(1000);
		dispatch.tick();
		List<MimeMessage> arrived = sentTo(address);
		assertThat(arrived).as("exactly once").hasSize(1);
		assertThat(arrived.get(0).getSubject()).isEqualTo("Tukipiiri: pääsit jonosta mukaan");
		assertThat(jdbc.sql("select attempts from notice_outbox where account_id = :a and sent_at is not null")
			.param("a", parent.id())
			.query(Integer.class)
			.list()).as("the dead node's attempt left no trace").containsExactly(1);
	}

	private List<MimeMessage> sentTo(String address) throws Exception {
		List<MimeMessage> found = new java.util.ArrayList<>();
		for (MimeMessage message : mail.messages()) {
			if (message.getAllRecipients() != null && message.getAllRecipients()[0].toString().equals(address)) {
				found.add(message);
			}
		}
		return found;
	}

}
