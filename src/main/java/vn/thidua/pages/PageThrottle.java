package vn.thidua.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code limit} actions per key (a client address) in a sliding window, kept in memory only
 * (addresses are never stored). Oldest keys are forgotten beyond {@code maxKeys}, so a flood of
 * addresses cannot fill the memory.
 */
public final class PageThrottle {

	private final int limit;

	private final Duration window;

	private final int maxKeys;

	private final Clock clock;

	private final Map<String, Deque<Instant>> hits = new LinkedHashMap<>();

	public PageThrottle(int limit, Duration window, int maxKeys, Clock clock) {
		this.limit = limit;
		this.window = window;
		this.maxKeys = maxKeys;
		this.clock = clock;
	}

	/** Counts one action of {@code key}; false when the key has used up its window. */
	public synchronized boolean tryAcquire(String key) {
		Instant now = clock.instant();
		Instant from = now.minus(window);
		Deque<Instant> times = hits.computeIfAbsent(key, k -> new ArrayDeque<>());
		while (!times.isEmpty() && !times.peekFirst().isAfter(from)) {
			times.pollFirst();
		}
		if (times.size() >= limit) {
			return false;
		}
		times.addLast(now);
		if (hits.size() > maxKeys) {
			Iterator<Map.Entry<String, Deque<Instant>>> oldest = hits.entrySet().iterator();
			while (hits.size() > maxKeys && oldest.hasNext()) {
				if (oldest.next().getKey().equals(key)) {
					continue;
				}
				oldest.remove();
			}
		}
		return true;
	}

}
