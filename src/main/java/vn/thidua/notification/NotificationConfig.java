package vn.thidua.notification;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The wall clock of the outbox (delivery times, back-off, leases): real time, not the engine clock,
 * so that a test moving the engine's clock back and forth never leaves a mail scheduled in a future
 * that real time has not reached. Every record the application writes uses the engine's clock
 * ({@code process.EngineClock}, the primary {@code Clock}).
 */
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

	/** The name of the outbox's wall clock, for {@code @Qualifier}. */
	static final String WALL_CLOCK = "notificationClock";

	@Bean(WALL_CLOCK)
	Clock notificationClock() {
		return Clock.systemUTC();
	}

}
