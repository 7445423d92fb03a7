package vn.thidua.rollout.chapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.Test;

import vn.thidua.partycell.PartyCellReportVariables;
import vn.thidua.process.Variable;

/** CallActivity_PartyCellReport passes exactly what the callee declares: read from the BPMN, no engine. */
class ChapterRolloutCallContractTest {

	@Test
	void shouldPassThePartyCellReportItsDeclaredInputs() {
		CallActivity call = Bpmn.readModelFromFile(new File("bpmn/ChapterRollout.bpmn"))
			.getModelElementById(ChapterRolloutVariables.CALL_PARTY_CELL_REPORT);

		assertThat(call.getCalledElement()).isEqualTo(PartyCellReportVariables.PROCESS_KEY);
		List<CamundaIn> ins = call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
		assertThat(ins).allSatisfy(in -> assertThat(in.getCamundaTarget()).isEqualTo(in.getCamundaSource()));
		assertThat(ins).extracting(CamundaIn::getCamundaSource)
			.containsExactlyInAnyOrderElementsOf(PartyCellReportVariables.CALL_INPUTS.stream().map(Variable::name).toList());
	}

}
