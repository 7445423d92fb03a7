package vn.thidua.nomination;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.web.Messages;

/**
 * An objection during public disclosure: anyone of the ward with a login may lodge one through the
 * API, anyone at all through the public page {@code /cong-khai} (with a name and a way to reach
 * them); both correlate Message_NominationObjection to the instance waiting at Gateway_Disclosure,
 * which sends the nomination back to the board (Task_RecordObjection, Task_BoardReview).
 */
@Service
class ObjectionService {

	private static final Logger LOG = LoggerFactory.getLogger(ObjectionService.class);

	static final int REASON_MAX = 4000;

	/** Limits of the public form: what a name, a phone number or address and a reason need. */
	static final int PUBLIC_NAME_MAX = 100;

	static final int PUBLIC_CONTACT_MAX = 100;

	static final int PUBLIC_REASON_MAX = 2000;

	static final int PUBLIC_REASON_MIN = 10;

	private final NominationProcess process;

	private final NominationRepository nominations;

	private final OrganisationDirectory directory;

	private final PublicObjectionRepository publicObjections;

	ObjectionService(NominationProcess process, NominationRepository nominations, OrganisationDirectory directory,
			PublicObjectionRepository publicObjections) {
		this.process = process;
		this.nominations = nominations;
		this.directory = directory;
		this.publicObjections = publicObjections;
	}

	/** Why an objection was refused, with the HTTP status the API answers. */
	static final class Refused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		final int status;

		/** The form field the refusal is about, or null. */
		final String field;

		Refused(int status, String message) {
			this(status, null, message);
		}

		Refused(int status, String field, String message) {
			super(message);
			this.status = status;
			this.field = field;
		}

	}

	@Transactional
	void lodge(String processInstanceId, String login, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new Refused(400, "reason", Messages.get("nomination.objection.reason.required"));
		}
		if (reason.length() > REASON_MAX) {
			throw new Refused(400, "reason", Messages.get("nomination.objection.reason.too-long", REASON_MAX));
		}
		var nomination = nominations.find(processInstanceId)
			.orElseThrow(() -> new Refused(404, Messages.get("nomination.not-found")));
		boolean inWard = directory.ward(nomination.wardCode())
			.map(w -> directory.membersOf(w).contains(login))
			.orElse(false);
		if (!inWard) {
			throw new Refused(403, Messages.get("nomination.objection.not-in-ward", GroupIds.ward(nomination.wardCode())));
		}
		if (!process.lodgeObjection(processInstanceId, reason.trim())) {
			throw new Refused(409, Messages.get("nomination.objection.not-disclosed"));
		}
		nominations.recordObjection(processInstanceId, login, reason.trim());
	}

	/** An objection typed on the public page, by anyone; {@code login} is null without a login. */
	record PublicObjection(String name, String contact, String reason, String login) {
	}

	/**
	 * Lodges an objection from the public disclosure page: checks the fields (400 naming the field,
	 * nothing written), that the nomination is under disclosure (409 otherwise), correlates the
	 * message as the application and records the objection.
	 *
	 * @return the reference number given to the person objecting
	 */
	@Transactional
	String lodgePublic(String processInstanceId, PublicObjection objection) {
		String name = clean(objection.name());
		String contact = clean(objection.contact());
		String reason = objection.reason() == null ? "" : objection.reason().strip();
		if (name.isEmpty()) {
			throw new Refused(400, "hoTen", Messages.get("nomination.objection.public.name.required"));
		}
		if (name.length() > PUBLIC_NAME_MAX) {
			throw new Refused(400, "hoTen", Messages.get("nomination.objection.public.name.too-long", PUBLIC_NAME_MAX));
		}
		if (contact.isEmpty()) {
			throw new Refused(400, "lienHe", Messages.get("nomination.objection.public.contact.required"));
		}
		if (contact.length() > PUBLIC_CONTACT_MAX) {
			throw new Refused(400, "lienHe", Messages.get("nomination.objection.public.contact.too-long", PUBLIC_CONTACT_MAX));
		}
		if (reason.length() < PUBLIC_REASON_MIN) {
			throw new Refused(400, "lyDo", Messages.get("nomination.objection.public.reason.too-short", PUBLIC_REASON_MIN));
		}
		if (reason.length() > PUBLIC_REASON_MAX) {
			throw new Refused(400, "lyDo", Messages.get("nomination.objection.public.reason.too-long", PUBLIC_REASON_MAX));
		}
		nominations.find(processInstanceId).orElseThrow(() -> new Refused(404, Messages.get("nomination.not-found")));
		String reference = publicObjections.newReference();
		String forBoard = Messages.get("nomination.objection.public.for-board", reference, name, contact, reason);
		if (!process.lodgeObjection(processInstanceId, forBoard)) {
			throw new Refused(409, Messages.get("nomination.objection.disclosure-over"));
		}
		publicObjections.save(reference, processInstanceId, name, contact, reason, objection.login());
		LOG.info("Public objection {} lodged on nomination {}", reference, processInstanceId);
		return reference;
	}

	/** One line, no control characters, trimmed. */
	private static String clean(String s) {
		return s == null ? "" : s.replaceAll("\\p{Cntrl}", " ").strip().replaceAll("\\s+", " ");
	}

}
