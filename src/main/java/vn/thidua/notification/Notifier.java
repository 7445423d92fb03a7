package vn.thidua.notification;

import java.util.Map;

/**
 * Outcome notifications (approved, returned, rejected, decision signed, guidance given, ...). A call
 * records the notification in the caller's transaction: a rolled-back step sends nothing, and
 * delivery happens later, outside it, with retries.
 */
public interface Notifier {

	/**
	 * @param template mail template name: {@code templates/mail/<template>.html} and {@code .txt}
	 * @param recipients users and groups to tell
	 * @param model values the template shows (user-supplied values are escaped by the template)
	 */
	void send(String template, Recipients recipients, Map<String, Object> model);

}
