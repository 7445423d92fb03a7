package vn.thidua.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.thidua.notification.MailRenderer.RenderedMail;
import vn.thidua.notification.NotificationOutbox.NewNotification;
import vn.thidua.notification.RecipientDirectory.Recipient;

/**
 * {@link Notifier} on the outbox: renders the mail for each recipient and inserts one row per
 * recipient (one batch) in the caller's transaction. Nothing is sent here; {@link MailDispatcher} delivers.
 */
@Component
class OutboxNotifier implements Notifier {

	private static final Logger LOG = LoggerFactory.getLogger(OutboxNotifier.class);

	/** What caused a notification; stored in {@code kind}. */
	enum Kind {
		ASSIGN, REMIND, ESCALATE, OUTCOME
	}

	private final RecipientDirectory directory;

	private final MailRenderer renderer;

	private final NotificationOutbox outbox;

	private final String baseUrl;

	OutboxNotifier(RecipientDirectory directory, MailRenderer renderer, NotificationOutbox outbox,
			@Value("${thidua.base-url}") String baseUrl) {
		this.directory = directory;
		this.renderer = renderer;
		this.outbox = outbox;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@Override
	public void send(String template, Recipients recipients, Map<String, Object> model) {
		String event = UUID.randomUUID().toString();
		queue(Kind.OUTCOME, template, recipients, model, null, processInstanceId(model),
				userId -> "outcome:" + template + ":" + event + ":" + userId);
	}

	/**
	 * Queues {@code template} for every recipient whose dedupe key is not used yet.
	 * @return number of rows inserted
	 */
	int queue(Kind kind, String template, Recipients recipients, Map<String, Object> model, String taskId,
			String processInstanceId, Function<String, String> dedupeKey) {
		List<Recipient> people = directory.resolve(recipients);
		List<NewNotification> mails = new ArrayList<>(people.size());
		for (Recipient person : people) {
			String key = dedupeKey.apply(person.userId());
			if (key == null) {
				continue;
			}
			Map<String, Object> personal = new HashMap<>();
			if (model != null) {
				personal.putAll(model);
			}
			personal.put("recipientName", person.name());
			personal.put("baseUrl", baseUrl);
			personal.put("tasklistUrl", tasklistUrl(taskId, model == null ? null : model.get(TaskMailModel.PROCESS_KEY)));
			RenderedMail mail = renderer.render(template, personal);
			mails.add(new NewNotification(key, kind.name(), template, person.userId(), person.email(), person.name(),
					mail.subject(), mail.text(), mail.html(), taskId, processInstanceId));
		}
		int inserted = mails.isEmpty() ? 0 : outbox.insertAllIfAbsent(mails);
		LOG.debug("Queued {} {} notification(s) '{}' for task {}", inserted, kind, template, taskId);
		return inserted;
	}

	/** From the model, or from the process step that is running (a delegate calling a service). */
	private static String processInstanceId(Map<String, Object> model) {
		Object id = model == null ? null : model.get("processInstanceId");
		if (id != null) {
			return id.toString();
		}
		return NotificationEnginePlugin.currentProcessInstanceId();
	}

	String tasklistUrl(String taskId) {
		String tasklist = baseUrl + "/camunda/app/tasklist/default/";
		return taskId == null ? tasklist : tasklist + "#/?task=" + taskId;
	}

	/**
	 * The task in Tasklist, opened on the tab its process's mails point to: a nomination's task
	 * opens on its dossier («Hồ sơ», the Tasklist plugin {@code thidua-dossier}).
	 */
	String tasklistUrl(String taskId, Object processDefinitionKey) {
		String tab = taskId == null ? null : TASK_TABS.get(String.valueOf(processDefinitionKey));
		return tab == null ? tasklistUrl(taskId) : tasklistUrl(taskId) + "&detailsTab=" + tab;
	}

	/** Process definition key → the Tasklist task tab (plugin id) its task mails open. */
	static final Map<String, String> TASK_TABS = Map.of("CommendationNomination", "thidua-dossier");

}
