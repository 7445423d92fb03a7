package vn.thidua.nomination;

import static vn.thidua.nomination.NominationVariables.OBJECTION_REASON;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.thidua.organisation.GroupIds;
import vn.thidua.organisation.OrganisationDirectory;

/**
 * An objection during public disclosure: anyone of the ward with a login may lodge one; it
 * correlates Message_NominationObjection to the instance waiting at Gateway_Disclosure.
 */
@Service
class ObjectionService {

	static final int REASON_MAX = 4000;

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	private final NominationRepository nominations;

	private final OrganisationDirectory directory;

	ObjectionService(RuntimeService runtimeService, IdentityService identityService, NominationRepository nominations,
			OrganisationDirectory directory) {
		this.runtimeService = runtimeService;
		this.identityService = identityService;
		this.nominations = nominations;
		this.directory = directory;
	}

	/** Why an objection was refused, with the HTTP status the API answers. */
	static final class Refused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		final int status;

		Refused(int status, String message) {
			super(message);
			this.status = status;
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

}
