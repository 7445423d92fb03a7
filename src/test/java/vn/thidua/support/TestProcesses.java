package vn.thidua.support;

import org.camunda.bpm.engine.RepositoryService;

/**
 * A small process for tests of cross-cutting mechanisms (security, validation, notifications):
 * a start form, a chapter task with a form, then a Party cell task. Deployed once per database;
 * duplicates are filtered.
 */
public final class TestProcesses {

	public static final String KEY = "TestChapterTask";

	private TestProcesses() {
	}

	public static void deploy(RepositoryService repositoryService) {
		repositoryService.createDeployment()
			.name("test-processes")
			.enableDuplicateFiltering(false)
			.addClasspathResource("testprocess/TestChapterTask.bpmn")
			.addClasspathResource("testprocess/test-start.form")
			.addClasspathResource("testprocess/test-report.form")
			.deploy();
	}

}
