package vn.thidua.rollout.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.Test;

import vn.thidua.process.Variable;
import vn.thidua.rollout.chapter.ChapterRolloutVariables;

/** CallActivity_ChapterRollout passes exactly what the callee declares: read from the BPMN, no engine. */
class PlanRolloutCallContractTest {

	@Test
	void shouldPassEachChapterRolloutItsDeclaredInputs() {
		CallActivity call = Bpmn.readModelFromFile(new File("bpmn/PlanRollout.bpmn"))
			.getModelElementById(PlanRolloutVariables.CALL_CHAPTER_ROLLOUT);

		assertThat(call.getCalledElement()).isEqualTo(ChapterRolloutVariables.PROCESS_KEY);
		List<CamundaIn> ins = call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
		assertThat(ins).allSatisfy(in -> assertThat(in.getCamundaTarget()).isEqualTo(in.getCamundaSource()));
		assertThat(ins).extracting(CamundaIn::getCamundaSource)
			.containsExactlyInAnyOrderElementsOf(ChapterRolloutVariables.CALL_INPUTS.stream().map(Variable::name).toList());
	}

}
