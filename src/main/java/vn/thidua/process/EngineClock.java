package vn.thidua.process;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The one clock of the application's records: the engine's. Timers, due dates, award and register
 * timestamps, deadlines and "today" all read it, so a test that moves the engine clock
 * ({@code ClockUtil.setCurrentTime}) moves every date the application writes. Only the mail
 * outbox's delivery mechanics (leases, back-off) keep the wall clock, on purpose: see
 * {@code NotificationConfig}. Its zone is Vietnam's, whatever the server's: "today" (a decision date
 * not in the future, a session's last day, the year) is the ward's day.
 */
@Configuration(proxyBeanMethods = false)
public class EngineClock {

	@Bean
	@Primary
	Clock clock() {
		return new Engine(ZoneId.of("Asia/Ho_Chi_Minh"));
	}

	private static final class Engine extends Clock {

		private final ZoneId zone;

		Engine(ZoneId zone) {
			this.zone = zone;
		}

		@Override
		public ZoneId getZone() {
			return zone;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return new Engine(zone);
		}

		@Override
		public Instant instant() {
			return ClockUtil.now().toInstant();
		}

	}

}
