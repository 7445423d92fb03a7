package vn.thidua.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of request times, in milliseconds. */
record Stats(int count, double p50, double p95, double p99, double max) {

	static Stats ofNanos(List<Long> nanos) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		if (sorted.isEmpty()) {
			return new Stats(0, 0, 0, 0, 0);
		}
		return new Stats(sorted.size(), ms(percentile(sorted, 50)), ms(percentile(sorted, 95)),
				ms(percentile(sorted, 99)), ms(sorted.get(sorted.size() - 1)));
	}

	private static long percentile(List<Long> sorted, int p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

	private static double ms(long nanos) {
		return Math.round(nanos / 10_000.0) / 100.0;
	}

}
