package vn.thidua.nomination;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.thidua.notification.Notifier;
import vn.thidua.notification.Recipients;

/**
 * Outcome mails of the nomination process through the {@link Notifier}. The notifier is looked up
 * lazily so this feature runs (and logs what it would send) in a build where the notification
 * module is not present yet.
 */
@Component
class NominationMail {

	private static final Logger LOG = LoggerFactory.getLogger(NominationMail.class);

	private final ObjectProvider<Notifier> notifier;

	NominationMail(ObjectProvider<Notifier> notifier) {
		this.notifier = notifier;
	}

	void send(String template, Recipients recipients, Map<String, Object> model) {
		Notifier n = notifier.getIfAvailable();
		if (n == null) {
			LOG.warn("No Notifier bean: mail '{}' to users {} and groups {} not sent", template, recipients.users(),
					recipients.groups());
			return;
		}
		n.send(template, recipients, model);
	}

}
