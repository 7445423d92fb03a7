package vn.thidua.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.dossier.DossierFixtures;

/**
 * Fills the benchmark's database inside the application: the finished instances in history (one
 * {@code BenchHistory} instance run by the engine, copied in bulk into the history tables: {@link
 * HistoryCopy}) and, through the engine's Java API, the open tasks (real
 * {@code CommendationNomination} instances, started by chapter heads all over the city and driven
 * to a chapter task (returned by the board), a board task, or the council: the nominations waiting
 * for the council of a ward are on the ballots of the one session its council's chair then opens,
 * five ballot tasks per ward).
 */
final class DataLoader {

	private static final Logger LOG = LoggerFactory.getLogger(DataLoader.class);

	static final String NOMINATION = "CommendationNomination";

	/** The kinds of document the dossier of {@link #nominationForm} (GK_HOI_PHUONG, an individual) requires. */
	static final List<String> NOMINATION_REQUIRED_DOCUMENTS = List.of("BAO_CAO_THANH_TICH", "BIEN_BAN_BINH_XET");

	private final BenchApplication app;

	private final int wards;

	private final int threads;

	private final AtomicInteger nominees;

	DataLoader(BenchApplication app, int wards, int threads, AtomicInteger nominees) {
		this.app = app;
		this.wards = wards;
		this.threads = threads;
		this.nominees = nominees;
	}

	/**
	 * Deploys the floor models ({@link ChainDriver#FLOOR_MODELS}, each {@code bench/<key>.bpmn}, for the
	 * given ward: {@code @WARD@} and its council's logins {@code @COUNCIL_MEMBERS@} in them) and the
	 * history model.
	 */
	static void deployBenchModels(RepositoryService repository, String floorWard) throws IOException {
		List<String> council = new ArrayList<>();
		for (int m = 0; m < CityGenerator.COUNCIL_SIZE; m++) {
			council.add("&quot;" + CityGenerator.council(floorWard, m) + "&quot;");
		}
		var deployment = repository.createDeployment().name("bench").enableDuplicateFiltering(true);
		for (String key : ChainDriver.FLOOR_MODELS) {
			try (InputStream in = DataLoader.class.getResourceAsStream("/bench/" + key + ".bpmn")) {
				deployment.addString(key + ".bpmn", new String(in.readAllBytes(), StandardCharsets.UTF_8)
					.replace("@COUNCIL_MEMBERS@", String.join(",", council))
					.replace("@WARD@", floorWard));
			}
		}
		deployment.addClasspathResource("bench/BenchHistory.bpmn").deploy();
	}

	/** The variables a nomination start form sends (as typed by Tasklist: numbers as Long). */
	static Map<String, Object> nominationForm(String nominee) {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("nomineeType", "INDIVIDUAL");
		v.put("nomineeName", nominee);
		v.put("periodYear", (long) LocalDate.now().getYear());
		v.put("awardCode", "GK_HOI_PHUONG");
		v.put("achievementReport", "Chủ nhiệm mô hình \"Phụ nữ tự tin khởi nghiệp\", giúp 12 hội viên vay vốn.");
		v.put("reviewMeetingDate", LocalDate.now().minusDays(5).toString());
		v.put("reviewMeetingAgreed", true);
		v.put("noDisciplineDeclared", true);
		return v;
	}

	/** The finished instances, copied in bulk from one the engine ran ({@link HistoryCopy}), then read back. */
	Map<String, Object> loadHistory(int count) throws Exception {
		HistoryCopy copy = new HistoryCopy(app, this::historyVariables);
		long millis = copy.load(count, threads);
		long verifyStart = System.nanoTime();
		Map<String, Object> result = new LinkedHashMap<>(copy.verify(count));
		result.put("historyMillis", millis);
		result.put("verifyMillis", (System.nanoTime() - verifyStart) / 1_000_000);
		return result;
	}

	private Map<String, Object> historyVariables(int i) {
		String ward = CityGenerator.wardCode(i % wards);
		String chapter = CityGenerator.chapterCode((i / wards) % CityGenerator.CHAPTERS_PER_WARD);
		Map<String, Object> v = nominationForm("Hội viên đã khen " + i);
		v.put("wardCode", ward);
		v.put("chapterGroup", GroupIds.chapter(ward, chapter));
		v.put("chapterName", "Chi hội " + chapter);
		v.put("subject", "Đề nghị khen thưởng hội viên đã khen " + i);
		v.put("initiator", CityGenerator.head(ward, (i / wards) % CityGenerator.CHAPTERS_PER_WARD));
		v.put("boardDecision", "approve");
		v.put("votesAgree", 5L);
		v.put("decisionNumber", i + "/QĐ-HLHPN");
		return v;
	}

	/** What the open tasks of the data set are: counts per kind. */
	record OpenTasks(int chapter, int board, int council, long millis) {

		int total() {
			return chapter + board + council;
		}

	}

	/**
	 * About a third of the tasks each at chapters (nominations returned by the board) and boards, the
	 * rest of the nominations waiting for the council, spread round-robin over every chapter; each
	 * ward with such nominations then has one open session over them (five ballots, whatever the
	 * number of candidates: fewer council tasks than before the season redesign).
	 */
	OpenTasks loadOpenTasks(int tasks) throws Exception {
		int chapterInstances = tasks / 3;
		int boardInstances = tasks / 3;
		int councilInstances = (tasks - chapterInstances - boardInstances) / CityGenerator.COUNCIL_SIZE;
		List<Character> plan = new ArrayList<>();
		int c = 0, b = 0, v = 0;
		int total = chapterInstances + boardInstances + councilInstances;
		for (int i = 0; i < total; i++) {
			// interleave the kinds in proportion so every ward gets some of each
			if (c * total <= i * chapterInstances && c < chapterInstances) {
				plan.add('C');
				c++;
			}
			else if (b * total <= i * boardInstances && b < boardInstances) {
				plan.add('B');
				b++;
			}
			else if (v < councilInstances) {
				plan.add('V');
				v++;
			}
			else if (c < chapterInstances) {
				plan.add('C');
				c++;
			}
			else {
				plan.add('B');
				b++;
			}
		}
		RuntimeService runtime = app.bean(RuntimeService.class);
		TaskService taskService = app.bean(TaskService.class);
		IdentityService identity = app.bean(IdentityService.class);
		ManagementService management = app.bean(ManagementService.class);
		AtomicInteger next = new AtomicInteger();
		int chapters = wards * CityGenerator.CHAPTERS_PER_WARD;
		long start = System.nanoTime();
		runParallel(() -> {
			int i;
			while ((i = next.getAndIncrement()) < plan.size()) {
				int chapterIndex = i % chapters;
				String ward = CityGenerator.wardCode(chapterIndex % wards);
				int chapter = chapterIndex / wards;
				String head = CityGenerator.head(ward, chapter);
				identity.setAuthentication(head,
						List.of(GroupIds.ward(ward), GroupIds.chapter(ward, CityGenerator.chapterCode(chapter))));
				String pid;
				try {
					pid = runtime
						.startProcessInstanceByKey(NOMINATION, nominationForm("Hội viên " + nominees.incrementAndGet()))
						.getId();
					// the chapter attaches the required documents and sends the dossier to the board
					DossierFixtures.attachRequired(app.context, pid, head);
					taskService.complete(taskService.createTaskQuery().processInstanceId(pid).singleResult().getId());
				}
				finally {
					identity.clearAuthentication();
				}
				char kind = plan.get(i);
				if (kind != 'B') {
					Task review = taskService.createTaskQuery().processInstanceId(pid).singleResult();
					String board = CityGenerator.board(ward, i % 2);
					identity.setAuthentication(board, List.of(GroupIds.ward(ward), GroupIds.board(ward)));
					try {
						Map<String, Object> decision = new LinkedHashMap<>();
						decision.put("boardDecision", kind == 'C' ? "return" : "approve");
						decision.put("boardReason", kind == 'C' ? "Đề nghị bổ sung minh chứng." : "Đồng ý.");
						taskService.complete(review.getId(), decision);
					}
					finally {
						identity.clearAuthentication();
					}
					if (kind == 'V') {
						Job timer = management.createJobQuery().processInstanceId(pid).timers().singleResult();
						management.executeJob(timer.getId());
					}
				}
				if ((i + 1) % 1000 == 0) {
					LOG.info("Open tasks: {} of {} nominations started", i + 1, plan.size());
				}
			}
		});
		// each ward's council chair opens a session over the ward's nominations waiting for the council;
		// the statistics first: the session's query of waiting nominations is planned on them
		try (java.sql.Connection connection = app.bean(javax.sql.DataSource.class).getConnection();
				java.sql.Statement st = connection.createStatement()) {
			st.execute("ANALYZE");
		}
		java.util.Set<String> councilWards = new java.util.TreeSet<>();
		for (int i = 0; i < plan.size(); i++) {
			if (plan.get(i) == 'V') {
				councilWards.add(CityGenerator.wardCode((i % chapters) % wards));
			}
		}
		org.camunda.bpm.engine.FormService forms = app.bean(org.camunda.bpm.engine.FormService.class);
		String session = app.bean(RepositoryService.class)
			.createProcessDefinitionQuery()
			.processDefinitionKey("CouncilSession")
			.latestVersion()
			.singleResult()
			.getId();
		long sessionsStart = System.nanoTime();
		for (String ward : councilWards) {
			String opener = CityGenerator.council(ward, 0);
			identity.setAuthentication(opener,
					identity.createGroupQuery().groupMember(opener).list().stream().map(g -> g.getId()).toList());
			try {
				forms.submitStartForm(session, Map.of());
			}
			finally {
				identity.clearAuthentication();
			}
		}
		LOG.info("Open tasks: {} council sessions opened in {} ms", councilWards.size(),
				(System.nanoTime() - sessionsStart) / 1_000_000);
		int ballots = (int) taskService.createTaskQuery().processDefinitionKey("CouncilSession").count();
		return new OpenTasks(chapterInstances, boardInstances, ballots, (System.nanoTime() - start) / 1_000_000);
	}

	private void runParallel(ThrowingRunnable work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				futures.add(pool.submit(() -> {
					work.run();
					return null;
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@FunctionalInterface
	interface ThrowingRunnable {

		void run() throws Exception;

	}

}
