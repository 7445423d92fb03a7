package vn.thidua.notification;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.identity.security.Actor;
import vn.thidua.web.Messages;
import vn.thidua.web.Refusal;

/**
 * Admins' view of the outbox: {@code GET /api/notifications?status=FAILED} lists rows (newest first,
 * without bodies), {@code POST /api/notifications/{id}/retry} gives a FAILED row a fresh set of
 * tries. Members of {@code camunda-admin} only.
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

	private static final Set<String> STATUSES = Set.of(NotificationOutbox.PENDING, NotificationOutbox.SENDING,
			NotificationOutbox.SENT, NotificationOutbox.RECORDED, NotificationOutbox.FAILED,
			NotificationOutbox.CANCELLED);

	private final NotificationOutbox outbox;

	private final Actor actor;

	NotificationController(NotificationOutbox outbox, Actor actor) {
		this.outbox = outbox;
		this.actor = actor;
	}

	/** One row as the listing shows it. */
	record NotificationView(long id, String kind, String template, String status, String recipientId,
			String toAddress, String subject, String taskId, String processInstanceId, int attempts,
			Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {

		static NotificationView of(NotificationOutbox.Notification n) {
			return new NotificationView(n.id(), n.kind(), n.template(), n.status(), n.recipientId(), n.toAddress(),
					n.subject(), n.taskId(), n.processInstanceId(), n.attempts(), n.nextAttemptAt(), n.lastError(),
					n.createdAt(), n.sentAt());
		}

	}

	@GetMapping
	List<NotificationView> list(@RequestParam(required = false) String status,
			@RequestParam(defaultValue = "200") int limit) {
		requireAdmin();
		if (status != null && !STATUSES.contains(status)) {
			throw Refusal.badRequest("status",
					Messages.get("notification.status.invalid", String.join(", ", new TreeSet<>(STATUSES))));
		}
		int bounded = Math.max(1, Math.min(limit, 1000));
		return outbox.list(status, bounded).stream().map(NotificationView::of).toList();
	}

	@PostMapping("/{id}/retry")
	ResponseEntity<Void> retry(@PathVariable long id) {
		requireAdmin();
		if (!outbox.retry(id)) {
			throw Refusal.conflict(Messages.get("notification.retry.not-failed"));
		}
		return ResponseEntity.noContent().build();
	}

	private void requireAdmin() {
		if (!actor.inGroup(GroupIds.ADMINS)) {
			throw Refusal.forbidden(Messages.get("notification.admin-only"));
		}
	}

}
