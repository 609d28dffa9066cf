package fi.tukipiiri.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * An outage touching every request writes one line every ten seconds, saying how many
 * were left out.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutageLogTest {

	@Test
	void aFloodOfFailuresIsOneLinePerWindowWithTheCountLeftOut(CapturedOutput output) {
		AtomicLong now = new AtomicLong();
		OutageLog outage = new OutageLog("Test dependency", now::get);
		RuntimeException down = new IllegalStateException("Connection refused\nforged line");
		for (int i = 0; i < 1000; i++) {
			outage.unavailable("requests pass", down);
		}
		now.addAndGet(TimeUnit.SECONDS.toNanos(OutageLog.SECONDS));
		outage.unavailable("requests pass", down);

		String lines = output.getOut()
			.lines()
			.filter(line -> line.contains("Test dependency"))
			.reduce("", (a, b) -> a + b + "\n");
		assertThat(lines.lines()).hasSize(2);
		assertThat(lines)
			.contains("Test dependency: requests pass (IllegalStateException: Connection refused?forged line)")
			.contains("and 999 more in the last 10 s")
			.doesNotContain("\tat ");
	}

}
