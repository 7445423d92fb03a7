package vn.thidua.document;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed one-minute window per client address for the public verification page. The codes are
 * unguessable already (128 bits); this keeps anyone from hammering the page. The table is bounded:
 * past {@link #MAX_ADDRESSES} addresses in one minute, all further ones share one window.
 */
final class VerificationRateLimit {

	static final int MAX_ADDRESSES = 10_000;

	private static final String OVERFLOW = "*";

	private final int perMinute;

	private final Clock clock;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private record Window(long minute, AtomicInteger count) {
	}

	VerificationRateLimit(int perMinute, Clock clock) {
		this.perMinute = perMinute;
		this.clock = clock;
	}

	boolean allow(String address) {
		long minute = clock.millis() / 60_000;
		if (windows.size() >= MAX_ADDRESSES) {
			windows.values().removeIf(w -> w.minute() != minute);
		}
		String key = windows.size() >= MAX_ADDRESSES && !windows.containsKey(address) ? OVERFLOW : address;
		Window w = windows.compute(key,
				(k, old) -> old == null || old.minute() != minute ? new Window(minute, new AtomicInteger()) : old);
		return w.count().incrementAndGet() <= perMinute;
	}

}
