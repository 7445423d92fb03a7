package vn.thidua.nomination;

import static vn.thidua.nomination.NominationVariables.OBJECTION_REASON;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.identity.security.ApplicationAccess;

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

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	private final NominationRepository nominations;

	private final OrganisationDirectory directory;

	private final PublicObjectionRepository publicObjections;

	ObjectionService(RuntimeService runtimeService, IdentityService identityService, NominationRepository nominations,
			OrganisationDirectory directory, PublicObjectionRepository publicObjections) {
		this.runtimeService = runtimeService;
		this.identityService = identityService;
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
			throw new Refused(400, "Cần ghi nội dung phản ánh.");
		}
		if (reason.length() > REASON_MAX) {
			throw new Refused(400, "Nội dung phản ánh dài quá " + REASON_MAX + " ký tự.");
		}
		var nomination = nominations.find(processInstanceId)
			.orElseThrow(() -> new Refused(404, "Không có đề nghị khen thưởng này."));
		boolean inWard = directory.ward(nomination.wardCode())
			.map(w -> directory.membersOf(w).contains(login))
			.orElse(false);
		if (!inWard) {
			throw new Refused(403, "Chỉ người thuộc " + GroupIds.ward(nomination.wardCode())
					+ " mới phản ánh được về đề nghị này.");
		}
		// the person objecting has no rights on the instance: the correlation runs as the process
		Authentication caller = identityService.getCurrentAuthentication();
		identityService.clearAuthentication();
		try {
			runtimeService.createMessageCorrelation(NominationVariables.MESSAGE_OBJECTION)
				.processInstanceId(processInstanceId)
				.setVariable(OBJECTION_REASON, reason.trim())
				.correlate();
		}
		catch (MismatchingMessageCorrelationException ex) {
			throw new Refused(409, "Đề nghị này không ở trong thời gian công khai, không nhận phản ánh.");
		}
		finally {
			if (caller != null) {
				identityService.setAuthentication(caller);
			}
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
			throw new Refused(400, "hoTen", "«Họ và tên» là bắt buộc, vui lòng nhập.");
		}
		if (name.length() > PUBLIC_NAME_MAX) {
			throw new Refused(400, "hoTen", "«Họ và tên» dài quá " + PUBLIC_NAME_MAX + " ký tự.");
		}
		if (contact.isEmpty()) {
			throw new Refused(400, "lienHe", "«Số điện thoại hoặc địa chỉ liên hệ» là bắt buộc, vui lòng nhập.");
		}
		if (contact.length() > PUBLIC_CONTACT_MAX) {
			throw new Refused(400, "lienHe", "«Số điện thoại hoặc địa chỉ liên hệ» dài quá " + PUBLIC_CONTACT_MAX + " ký tự.");
		}
		if (reason.length() < PUBLIC_REASON_MIN) {
			throw new Refused(400, "lyDo", "«Nội dung phản ánh» cần ít nhất " + PUBLIC_REASON_MIN + " ký tự.");
		}
		if (reason.length() > PUBLIC_REASON_MAX) {
			throw new Refused(400, "lyDo", "«Nội dung phản ánh» dài quá " + PUBLIC_REASON_MAX + " ký tự.");
		}
		nominations.find(processInstanceId).orElseThrow(() -> new Refused(404, "Không có đề nghị khen thưởng này."));
		String reference = publicObjections.newReference();
		String forBoard = "Phản ánh số " + reference + " của " + name + " (liên hệ: " + contact + "): " + reason;
		// the person objecting has no rights on the instance (often no login): the application correlates
		Authentication caller = identityService.getCurrentAuthentication();
		identityService.clearAuthentication();
		try {
			ApplicationAccess.run(() -> runtimeService.createMessageCorrelation(NominationVariables.MESSAGE_OBJECTION)
				.processInstanceId(processInstanceId)
				.setVariable(OBJECTION_REASON, forBoard)
				.correlate());
		}
		catch (MismatchingMessageCorrelationException ex) {
			throw new Refused(409, "Đề nghị này đã hết thời gian công khai, không nhận phản ánh.");
		}
		finally {
			if (caller != null) {
				identityService.setAuthentication(caller);
			}
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
