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

	/** {@code -Dbench.copyOpenTasks=false}: every open nomination through the engine, none copied. */
	private final boolean copyOpenTasks = Boolean.parseBoolean(System.getProperty("bench.copyOpenTasks", "true"));

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
		int chapters = wards * CityGenerator.CHAPTERS_PER_WARD;
		// through the engine: the council's nominations and one template of each other kind; the
		// rest are copies of a template (RuntimeCopy), checked through the engine afterwards
		Map<Character, Integer> templates = new LinkedHashMap<>();
		List<Integer> throughEngine = new ArrayList<>();
		for (int i = 0; i < plan.size(); i++) {
			char kind = plan.get(i);
			if (kind == 'V' || !copyOpenTasks) {
				throughEngine.add(i);
			}
			else if (!templates.containsKey(kind)) {
				templates.put(kind, i);
				throughEngine.add(i);
			}
		}
		Map<Integer, String> pids = new java.util.concurrent.ConcurrentHashMap<>();
		AtomicInteger next = new AtomicInteger();
		long start = System.nanoTime();
		runParallel(() -> {
			int n;
			while ((n = next.getAndIncrement()) < throughEngine.size()) {
				int i = throughEngine.get(n);
				int chapterIndex = i % chapters;
				String ward = CityGenerator.wardCode(chapterIndex % wards);
				int chapter = chapterIndex / wards;
				String head = CityGenerator.head(ward, chapter);
				identity.setAuthentication(head,
						List.of(GroupIds.ward(ward), GroupIds.chapter(ward, CityGenerator.chapterCode(chapter))));
				String pid;
				try {
					String number = templates.containsValue(i) ? templateNominee(plan.get(i))
							: String.valueOf(nominees.incrementAndGet());
					pid = runtime.startProcessInstanceByKey(NOMINATION, nominationForm("Hội viên " + number)).getId();
					pids.put(i, pid);
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
				if ((n + 1) % 1000 == 0) {
					LOG.info("Open tasks: {} of {} nominations started", n + 1, throughEngine.size());
				}
			}
		});
		for (Map.Entry<Character, Integer> template : templates.entrySet()) {
			copyOpenTasks(template.getKey(), template.getValue(), pids.get(template.getValue()), plan);
		}
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

	/** The template nominations' numbers: long enough that no other number in their rows is taken for them. */
	private static String templateNominee(char kind) {
		return kind == 'C' ? "9876541" : "9876542";
	}

	/** Where plan item {@code i} is: its ward, chapter (index) and board member. */
	private record Place(String ward, int chapter, int board) {
	}

	private Place place(int i) {
		int chapterIndex = i % (wards * CityGenerator.CHAPTERS_PER_WARD);
		return new Place(CityGenerator.wardCode(chapterIndex % wards), chapterIndex / wards, i % 2);
	}

	/**
	 * Copies the template of one kind to every other plan item of that kind ({@link RuntimeCopy}), then
	 * reads a sample back through the engine and completes one extra copy's task (deleted afterwards),
	 * so rows the engine would not accept fail the benchmark.
	 */
	private void copyOpenTasks(char kind, int templateIndex, String templatePid, List<Character> plan) throws Exception {
		long start = System.nanoTime();
		Place from = place(templateIndex);
		RuntimeCopy copier = new RuntimeCopy(app.bean(javax.sql.DataSource.class), templatePid, templateNominee(kind));
		List<RuntimeCopy.Copy> copies = new ArrayList<>();
		List<Integer> items = new ArrayList<>();
		for (int i = 0; i < plan.size(); i++) {
			if (plan.get(i) == kind && i != templateIndex) {
				copies.add(new RuntimeCopy.Copy(i, literals(from, place(i)), String.valueOf(nominees.incrementAndGet())));
				items.add(i);
			}
		}
		// one more, in the template's chapter, for the completion check below
		int extra = plan.size() + kind;
		copies.add(new RuntimeCopy.Copy(extra, literals(from, from), String.valueOf(nominees.incrementAndGet())));
		copier.copy(copies, 500);
		LOG.info("Open tasks: {} copies of {} ({}) in {} ms: {}", copies.size(), templatePid, kind,
				(System.nanoTime() - start) / 1_000_000, copier.tables());

		TaskService tasks = app.bean(TaskService.class);
		RuntimeService runtime = app.bean(RuntimeService.class);
		IdentityService identity = app.bean(IdentityService.class);
		Task templateTask = tasks.createTaskQuery().processInstanceId(templatePid).singleResult();
		for (int n = 0; n < items.size(); n += Math.max(1, items.size() / 40)) {
			int i = items.get(n);
			Place to = place(i);
			String pid = RuntimeCopy.copyId(templatePid, i);
			String group = kind == 'C' ? GroupIds.chapter(to.ward(), CityGenerator.chapterCode(to.chapter()))
					: GroupIds.board(to.ward());
			Task task = tasks.createTaskQuery().processInstanceId(pid).taskCandidateGroup(group).singleResult();
			Map<String, Object> variables = runtime.getVariables(pid);
			if (task == null || !task.getTaskDefinitionKey().equals(templateTask.getTaskDefinitionKey())
					|| !copies.get(n).nominee().equals(String.valueOf(variables.get("nomineeName")).replace("Hội viên ", ""))
					|| !to.ward().equals(variables.get("wardCode"))) {
				throw new IllegalStateException("Copy " + i + " of " + templatePid + " reads back " + task + " " + variables);
			}
		}
		String check = RuntimeCopy.copyId(templatePid, extra);
		String person = kind == 'C' ? CityGenerator.head(from.ward(), from.chapter()) : CityGenerator.board(from.ward(), 0);
		identity.setAuthentication(person, identity.createGroupQuery().groupMember(person).list().stream()
			.map(g -> g.getId()).toList());
		Task task;
		try {
			task = tasks.createTaskQuery().processInstanceId(check).singleResult();
			tasks.complete(task.getId(), kind == 'C' ? Map.of()
					: Map.of("boardDecision", "return", "boardReason", "Kiểm tra bản sao."));
		}
		finally {
			identity.clearAuthentication();
		}
		Task after = tasks.createTaskQuery().processInstanceId(check).singleResult();
		if (after == null || after.getTaskDefinitionKey().equals(task.getTaskDefinitionKey())) {
			throw new IllegalStateException("The copy " + check + " did not move on: " + after);
		}
		runtime.deleteProcessInstance(check, "benchmark: copy checked", true, true);
	}

	/** Literal replacements from one place's ward, chapter and people to another's. */
	private Map<String, String> literals(Place from, Place to) {
		Map<String, String> map = new LinkedHashMap<>();
		String fc = CityGenerator.chapterCode(from.chapter());
		String tc = CityGenerator.chapterCode(to.chapter());
		Map<String, String> pairs = new LinkedHashMap<>();
		pairs.put(CityGenerator.head(from.ward(), from.chapter()), CityGenerator.head(to.ward(), to.chapter()));
		pairs.put(CityGenerator.cell(from.ward(), from.chapter()), CityGenerator.cell(to.ward(), to.chapter()));
		pairs.put(CityGenerator.board(from.ward(), from.board()), CityGenerator.board(to.ward(), to.board()));
		pairs.put(CityGenerator.board(from.ward(), 1 - from.board()), CityGenerator.board(to.ward(), 1 - to.board()));
		pairs.put(CityGenerator.chair(from.ward()), CityGenerator.chair(to.ward()));
		for (int m = 0; m < CityGenerator.COUNCIL_SIZE; m++) {
			pairs.put(CityGenerator.council(from.ward(), m), CityGenerator.council(to.ward(), m));
		}
		pairs.forEach((a, b) -> {
			map.put(a, b);
			String nameA = names().get(a);
			if (nameA != null && uniqueNamesOf(from.ward()).contains(nameA)) {
				map.put(nameA, names().get(b));
			}
		});
		var city = city();
		var fromWard = city.wards().get(wardIndex(from.ward()));
		var toWard = city.wards().get(wardIndex(to.ward()));
		map.put(fromWard.chapters().get(from.chapter()).name(), toWard.chapters().get(to.chapter()).name());
		map.put(fromWard.chapters().get(from.chapter()).partyCell().name(),
				toWard.chapters().get(to.chapter()).partyCell().name());
		map.put(fromWard.council().name(), toWard.council().name());
		map.put(fromWard.name(), toWard.name());
		map.put(GroupIds.chapter(from.ward(), fc), GroupIds.chapter(to.ward(), tc));
		map.put(from.ward(), to.ward());
		map.put(fc, tc);
		return map;
	}

	private static int wardIndex(String code) {
		return Integer.parseInt(code.substring(1)) - 1;
	}

	private vn.thidua.identity.organisation.Organisation city;

	private Map<String, String> names;

	private synchronized vn.thidua.identity.organisation.Organisation city() {
		if (city == null) {
			city = CityGenerator.city(wards);
		}
		return city;
	}

	private final Map<String, java.util.Set<String>> uniqueNames = new java.util.concurrent.ConcurrentHashMap<>();

	/** The full names that only one person of the ward has (the names repeat across the city). */
	private java.util.Set<String> uniqueNamesOf(String ward) {
		return uniqueNames.computeIfAbsent(ward, w -> {
			Map<String, Long> counts = names().entrySet().stream()
				.filter(e -> e.getKey().startsWith(w + "."))
				.collect(java.util.stream.Collectors.groupingBy(Map.Entry::getValue, java.util.stream.Collectors.counting()));
			return counts.entrySet().stream().filter(e -> e.getValue() == 1).map(Map.Entry::getKey)
				.collect(java.util.stream.Collectors.toSet());
		});
	}

	/** Every login's full name. */
	private synchronized Map<String, String> names() {
		if (names == null) {
			names = new LinkedHashMap<>();
			city().people().forEach(p -> names.put(p.id(), p.fullName()));
		}
		return names;
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
