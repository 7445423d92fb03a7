package vn.thidua.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery settings of the notification outbox ({@code thidua.notification.*}).
 *
 * @param pollInterval how often each node looks for pending mail
 * @param batchSize rows one node claims per round (sent over one SMTP connection)
 * @param maxAttempts tries before a row becomes FAILED and waits for an admin
 * @param initialBackoff wait after the first failure; doubled after each further failure
 * @param maxBackoff upper bound of the wait between two tries
 * @param lease how long a claimed row belongs to the node that claimed it; a row whose lease ran
 * out (the node died while sending) goes back to PENDING
 * @param nodeId name of this node in {@code lease_owner}; random when empty
 * @param retention delivered, recorded and cancelled rows (with their rendered bodies) are deleted
 * this long after they were queued; FAILED rows stay until an admin retries them
 */
@ConfigurationProperties("thidua.notification")
public record NotificationProperties(@DefaultValue("PT5S") Duration pollInterval, @DefaultValue("100") int batchSize,
		@DefaultValue("6") int maxAttempts, @DefaultValue("PT30S") Duration initialBackoff,
		@DefaultValue("PT2H") Duration maxBackoff, @DefaultValue("PT5M") Duration lease, @DefaultValue("") String nodeId,
		@DefaultValue("P180D") Duration retention) {

	/** Wait before try {@code attempts + 1}, after {@code attempts} failed tries. */
	Duration backoffAfter(int attempts) {
		Duration delay = initialBackoff;
		for (int i = 1; i < attempts && delay.compareTo(maxBackoff) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
	}

}
