package vn.thidua.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Camunda's REST API and web apps find "the default engine" in a static registry, but Spring keeps
 * several test contexts alive in one JVM (each with an engine named "default"), and a closed context
 * unregisters its name. Before each test, the engine of the test's own context is made the one the
 * registry answers, so a request always reaches the engine (and database) the test set up.
 * Registered for every Spring test in {@code META-INF/spring.factories}.
 */
public class CurrentProcessEngine extends AbstractTestExecutionListener {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			testContext.getApplicationContext()
				.getBeanProvider(ProcessEngine.class)
				.ifAvailable(ProcessEngines::registerProcessEngine);
		}
	}

	@Override
	public int getOrder() {
		return 0;
	}

}
