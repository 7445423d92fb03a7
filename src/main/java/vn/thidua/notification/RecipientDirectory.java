package vn.thidua.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns users and groups into mail recipients through Camunda's identity service, the only source
 * of addresses. Runs without authorization checks: the person completing a step may not see the
 * users who must act next, yet they must be told.
 */
@Component
class RecipientDirectory {

	private static final Logger LOG = LoggerFactory.getLogger(RecipientDirectory.class);

	private final IdentityService identityService;

	private final NotificationEnginePlugin engine;

	RecipientDirectory(IdentityService identityService, NotificationEnginePlugin engine) {
		this.identityService = identityService;
		this.engine = engine;
	}

	/** A person with a checked address. */
	record Recipient(String userId, String name, String email) {
	}

	/** Users first, then members of each group; each person once; people without a valid address are skipped. */
	List<Recipient> resolve(Recipients recipients) {
		return withoutAuthorization(() -> {
			Map<String, User> users = new LinkedHashMap<>();
			for (String userId : recipients.users().stream().sorted().toList()) {
				User user = identityService.createUserQuery().userId(userId).singleResult();
				if (user == null) {
					LOG.warn("Notification recipient {} is not a user", userId);
				}
				else {
					users.putIfAbsent(user.getId(), user);
				}
			}
			for (String groupId : recipients.groups().stream().sorted().toList()) {
				List<User> members = identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list();
				if (members.isEmpty()) {
					LOG.warn("Notification group {} has no members", groupId);
				}
				members.forEach(u -> users.putIfAbsent(u.getId(), u));
			}
			List<Recipient> result = new ArrayList<>();
			for (User user : users.values()) {
				String email = validAddress(user);
				if (email != null) {
					result.add(new Recipient(user.getId(), displayName(user), email));
				}
			}
			return result;
		});
	}

	/** Display name of a user for a mail body, or the login when unknown. */
	String nameOf(String userId) {
		if (userId == null) {
			return null;
		}
		User user = withoutAuthorization(() -> identityService.createUserQuery().userId(userId).singleResult());
		return user == null ? userId : displayName(user);
	}

	private static String validAddress(User user) {
		String email = user.getEmail();
		if (email == null || email.isBlank()) {
			LOG.warn("User {} has no e-mail address; notification skipped", user.getId());
			return null;
		}
		try {
			InternetAddress address = new InternetAddress(email.strip(), true);
			address.validate();
			if (address.getPersonal() != null || address.isGroup()) {
				throw new AddressException("not a single plain address");
			}
			return address.getAddress();
		}
		catch (AddressException ex) {
			LOG.warn("User {} has an invalid e-mail address; notification skipped", user.getId());
			return null;
		}
	}

	private static String displayName(User user) {
		String name = MailRenderer.oneLine(String.join(" ", nonNull(user.getFirstName()), nonNull(user.getLastName())));
		return name.isBlank() ? user.getId() : name;
	}

	private static String nonNull(String value) {
		return value == null ? "" : value;
	}

	private <T> T withoutAuthorization(Callable<T> work) {
		return engine.withoutAuthorization(work);
	}

}
