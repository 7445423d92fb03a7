package vn.thidua.notification;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.thidua.notification.NotificationOutbox.Notification;

/**
 * Delivers the outbox, outside every user transaction. Each round claims due rows with a
 * conditional UPDATE (so on several nodes each row goes out from one node only), sends them over
 * one SMTP connection and marks them SENT; a failed row is tried again after an exponential
 * back-off and becomes FAILED after {@code thidua.notification.max-attempts} tries. Without an SMTP
 * host ({@code spring.mail.host} empty) rows are only logged and marked RECORDED.
 * <p>
 * Each row keeps one Message-ID on every try: if a node dies (or the database goes away) between
 * the SMTP server accepting a mail and the row being marked SENT, the mail goes out again with the
 * same Message-ID, which mail clients show once. Rows are marked one by one as they are accepted, so
 * that window holds one mail per node, not a whole round.
 */
@Component
public class MailDispatcher {

	private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);

	private final NotificationOutbox outbox;

	private final NotificationProperties properties;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final Clock clock;

	private final boolean smtpConfigured;

	private final InternetAddress from;

	private final String nodeId;

	MailDispatcher(NotificationOutbox outbox, NotificationProperties properties, ObjectProvider<JavaMailSender> mailSender,
			@Qualifier(NotificationConfig.WALL_CLOCK) Clock notificationClock, @Value("${spring.mail.host:}") String mailHost,
			@Value("${thidua.mail.from}") String from) throws AddressException {
		this.outbox = outbox;
		this.properties = properties;
		this.mailSender = mailSender;
		this.clock = notificationClock;
		this.smtpConfigured = mailHost != null && !mailHost.isBlank();
		this.from = new InternetAddress(from, true);
		this.nodeId = properties.nodeId().isBlank() ? "node-" + UUID.randomUUID().toString().substring(0, 8)
				: properties.nodeId();
	}

	@Scheduled(fixedDelayString = "${thidua.notification.poll-interval:PT5S}", initialDelayString = "PT1S")
	void poll() {
		try {
			dispatch();
		}
		catch (RuntimeException ex) {
			LOG.warn("Notification delivery round failed: {}", ex.toString());
		}
	}

	@Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT10M")
	void purge() {
		try {
			int deleted = outbox.deleteFinishedBefore(clock.instant().minus(properties.retention()));
			if (deleted > 0) {
				LOG.info("Deleted {} finished notification(s) older than {}", deleted, properties.retention());
			}
		}
		catch (RuntimeException ex) {
			LOG.warn("Notification clean-up failed: {}", ex.toString());
		}
	}

	/** Delivers every due row (in batches) and returns how many were handled. Safe to call from tests. */
	public int dispatch() {
		int released = outbox.releaseExpiredLeases();
		if (released > 0) {
			LOG.warn("{} notification(s) were left SENDING by a stopped node; queued again", released);
		}
		int total = 0;
		while (true) {
			int handled = dispatchBatch();
			total += handled;
			if (handled < properties.batchSize()) {
				return total;
			}
		}
	}

	private int dispatchBatch() {
		String owner = nodeId + ":" + UUID.randomUUID();
		Instant now = clock.instant();
		List<Notification> rows = outbox.claim(owner, properties.batchSize(), now.plus(properties.lease()));
		if (rows.isEmpty()) {
			return 0;
		}
		if (!smtpConfigured) {
			for (Notification row : rows) {
				LOG.info("Notification {} recorded (no SMTP host configured): {} to user {}: {}", row.id(), row.kind(),
						row.recipientId(), row.subject());
			}
			outbox.completeAll(rows.stream().map(Notification::id).toList(), owner, NotificationOutbox.RECORDED);
			return rows.size();
		}
		send(rows, owner);
		return rows.size();
	}

	private void send(List<Notification> rows, String owner) {
		JavaMailSender sender = mailSender.getObject();
		Map<MimeMessage, Notification> messages = new IdentityHashMap<>();
		List<MimeMessage> order = new ArrayList<>();
		for (Notification row : rows) {
			try {
				MimeMessage message = message(sender, row);
				messages.put(message, row);
				order.add(message);
			}
			catch (MessagingException | UnsupportedEncodingException | RuntimeException ex) {
				failed(row, owner, "Cannot build message: " + ex.getMessage());
			}
		}
		if (messages.isEmpty()) {
			return;
		}
		if (sender instanceof JavaMailSenderImpl smtp) {
			sendOneByOne(smtp, order, messages, owner);
			return;
		}
		Map<Object, Exception> failures = Map.of();
		Exception failure = null;
		try {
			sender.send(order.toArray(MimeMessage[]::new));
		}
		catch (MailSendException ex) {
			failures = ex.getFailedMessages();
			failure = ex;
		}
		catch (MailException ex) {
			failure = ex;
		}
		List<Long> sent = new ArrayList<>();
		for (Map.Entry<MimeMessage, Notification> entry : messages.entrySet()) {
			Notification row = entry.getValue();
			Exception error = failure == null ? null
					: failures.isEmpty() ? failure : failures.get(entry.getKey());
			if (error == null) {
				sent.add(row.id());
			}
			else {
				failed(row, owner, rootMessage(error));
			}
		}
		outbox.completeAll(sent, owner, NotificationOutbox.SENT);
	}

	/**
	 * One SMTP connection for the round, as {@link JavaMailSenderImpl#send(MimeMessage...)} uses, but
	 * each row is marked SENT as soon as the server has accepted its mail: when the database goes away
	 * in the middle of a round, only the mail accepted last goes out a second time (with the same
	 * Message-ID) after its lease, not the whole round; the rows not yet sent stay claimed and go out
	 * once after the lease.
	 */
	private void sendOneByOne(JavaMailSenderImpl smtp, List<MimeMessage> order, Map<MimeMessage, Notification> messages,
			String owner) {
		Transport transport;
		try {
			transport = smtp.getSession().getTransport(smtp.getProtocol() == null ? "smtp" : smtp.getProtocol());
			String username = smtp.getUsername();
			String password = smtp.getPassword();
			if ("".equals(username)) {
				username = null;
				password = "".equals(password) ? null : password;
			}
			transport.connect(smtp.getHost(), smtp.getPort(), username, password);
		}
		catch (MessagingException ex) {
			String error = "Mail server connection failed: " + rootMessage(ex);
			order.forEach(message -> failed(messages.get(message), owner, error));
			return;
		}
		try {
			for (int i = 0; i < order.size(); i++) {
				MimeMessage message = order.get(i);
				Notification row = messages.get(message);
				try {
					// saveChanges gives a new Message-ID: the row's own is kept on every try
					message.saveChanges();
					message.setHeader("Message-ID", messageId(row.id(), row.createdAt()));
					transport.sendMessage(message, message.getAllRecipients());
				}
				catch (MessagingException ex) {
					failed(row, owner, rootMessage(ex));
					if (!transport.isConnected()) {
						String error = "Mail server connection lost: " + rootMessage(ex);
						order.subList(i + 1, order.size()).forEach(rest -> failed(messages.get(rest), owner, error));
						return;
					}
					continue;
				}
				outbox.completeAll(List.of(row.id()), owner, NotificationOutbox.SENT);
			}
		}
		finally {
			try {
				transport.close();
			}
			catch (MessagingException ex) {
				LOG.debug("Closing the SMTP connection: {}", ex.toString());
			}
		}
	}

	private void failed(Notification row, String owner, String error) {
		boolean last = row.attempts() >= properties.maxAttempts();
		Instant next = clock.instant().plus(properties.backoffAfter(row.attempts()));
		outbox.fail(row.id(), owner, error, next, last);
		if (last) {
			LOG.error("Notification {} to user {} FAILED after {} tries: {}", row.id(), row.recipientId(),
					row.attempts(), error);
		}
		else {
			LOG.warn("Notification {} to user {} failed (try {} of {}), next try at {}: {}", row.id(),
					row.recipientId(), row.attempts(), properties.maxAttempts(), next, error);
		}
	}

	private MimeMessage message(JavaMailSender sender, Notification row)
			throws MessagingException, UnsupportedEncodingException {
		MimeMessage message = sender.createMimeMessage();
		message.setFrom(from);
		message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(row.toAddress(),
				MailRenderer.oneLine(row.toName()), StandardCharsets.UTF_8.name()));
		message.setSubject(MailRenderer.oneLine(row.subject()), StandardCharsets.UTF_8.name());
		message.setSentDate(Date.from(clock.instant()));
		message.setHeader("Auto-Submitted", "auto-generated");
		MimeBodyPart text = new MimeBodyPart();
		text.setText(row.bodyText(), StandardCharsets.UTF_8.name(), "plain");
		MimeBodyPart html = new MimeBodyPart();
		html.setText(row.bodyHtml(), StandardCharsets.UTF_8.name(), "html");
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(text);
		alternative.addBodyPart(html);
		message.setContent(alternative);
		// JavaMailSenderImpl keeps a Message-ID set before sending
		message.setHeader("Message-ID", messageId(row.id(), row.createdAt()));
		return message;
	}

	/**
	 * The same on every try of one row. The row's creation time is part of it: after a database is
	 * restored from a backup, rows written after the backup are lost and their ids are given again to
	 * new mails, which must not look like the earlier ones to a mail client.
	 */
	String messageId(long id, Instant createdAt) {
		String address = from.getAddress();
		String domain = address.substring(address.indexOf('@') + 1);
		return "<thidua-notification-" + id + "." + Long.toString(createdAt.toEpochMilli(), 36) + "@" + domain + ">";
	}

	private static String rootMessage(Throwable error) {
		Throwable cause = error;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = cause == error ? String.valueOf(error.getMessage())
				: error.getMessage() + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
		return MailRenderer.oneLine(message);
	}

}
