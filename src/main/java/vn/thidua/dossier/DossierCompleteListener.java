package vn.thidua.dossier;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import vn.thidua.award.AwardCatalogue.DossierKind;
import vn.thidua.nomination.NominationVariables;
import vn.thidua.forms.FormValidationException;

/**
 * Task_CompleteDossier and Task_ReviseNomination (complete): the dossier goes to the board only
 * with every kind its award requires (for the award and nominee type as submitted); otherwise the
 * task stays open and the caller gets 400 naming the missing kinds.
 */
@Component
class DossierCompleteListener implements TaskListener {

	/** The field the refusal names: the «Hồ sơ» tab, not a form field. */
	static final String FIELD = "dossier";

	private final DossierService dossier;

	DossierCompleteListener(DossierService dossier) {
		this.dossier = dossier;
	}

	@Override
	public void notify(DelegateTask task) {
		String award = (String) task.getVariable(NominationVariables.AWARD_CODE);
		String nomineeType = (String) task.getVariable(NominationVariables.NOMINEE_TYPE);
		List<DossierKind> missing = dossier.missing(task.getProcessInstanceId(), award, nomineeType);
		if (!missing.isEmpty()) {
			throw new FormValidationException(FIELD, "Hồ sơ còn thiếu "
					+ missing.stream().map(k -> "«" + k.label() + "»").collect(Collectors.joining(", "))
					+ ". Vui lòng tải lên trong thẻ «Hồ sơ» trước khi gửi Ban Thường vụ.");
		}
	}

}
