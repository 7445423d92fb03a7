package vn.thidua.notification;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The wall clock of the outbox (delivery times, back-off, leases): real time, not the engine clock. */
@Configuration(proxyBeanMethods = false)
class NotificationConfig {

	@Bean
	Clock notificationClock() {
		return Clock.systemUTC();
	}

}
