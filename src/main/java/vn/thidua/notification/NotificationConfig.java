package vn.thidua.notification;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The wall clock of the outbox (delivery times, back-off, leases): real time, not the engine clock. */
@Configuration(proxyBeanMethods = false)
class NotificationConfig {

	/**
	 * Jakarta Mail 2.1 looks its stream provider up with a {@code ServiceLoader}, scanning every jar,
	 * each time it encodes or decodes a part (jakartaee/mail-api#861): under load that was 44 % of the
	 * dispatcher's time. Named as a system property, it is instantiated directly instead. An
	 * operator's own setting is kept.
	 */
	static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static {
		if (System.getProperty(STREAM_PROVIDER) == null) {
			System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

	@Bean
	Clock notificationClock() {
		return Clock.systemUTC();
	}

}
