package vn.thidua.rollout;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import vn.thidua.notification.Notifier;
import vn.thidua.notification.Recipients;

/**
 * Process tests check which outcome notifications a step asks for, without mail: import
 * {@link Config}. Integration tests use the real notifier instead.
 */
public class RecordingNotifier implements Notifier {

	/** One {@link Notifier#send} call. */
	public record Sent(String template, Recipients recipients, Map<String, Object> model) {
	}

	private final List<Sent> sent = new CopyOnWriteArrayList<>();

	@Override
	public void send(String template, Recipients recipients, Map<String, Object> model) {
		sent.add(new Sent(template, recipients, Map.copyOf(model)));
	}

	public List<Sent> sent() {
		return List.copyOf(sent);
	}

	public List<Sent> sent(String template) {
		return sent.stream().filter(s -> s.template().equals(template)).toList();
	}

	public void clear() {
		sent.clear();
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		@Primary
		RecordingNotifier recordingNotifier() {
			return new RecordingNotifier();
		}

	}

}
