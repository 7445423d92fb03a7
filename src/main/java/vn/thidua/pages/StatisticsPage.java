package vn.thidua.pages;

import vn.thidua.web.Xlsx;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.thidua.award.AwardAccess;
import vn.thidua.award.AwardAccess.Scope;
import vn.thidua.award.AwardEntry;
import vn.thidua.award.AwardRegister;
import vn.thidua.award.AwardSheets;
import vn.thidua.nomination.NominationHistory;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.rollout.RolloutOverview;

/**
 * {@code /thong-ke} (login: the ward's board, chair and council): awards by year and kind and by
 * chapter, the rollout's progress with the overdue chapters, the time from nomination to decision,
 * each as an SVG chart drawn here and as a table; {@code /thong-ke/bao-cao-nam.xlsx?nam=} the
 * year-end figures as an Excel workbook.
 */
@Controller
@PageController
class StatisticsPage {

	/** Awards in effect: decided at the ward, or granted by the higher level. */
	static final Set<String> IN_EFFECT = Set.of(AwardEntry.DECIDED, "GRANTED");

	private final AwardRegister register;

	private final AwardAccess access;

	private final NominationHistory nominations;

	private final RolloutOverview rollouts;

	private final OrganisationDirectory directory;

	StatisticsPage(AwardRegister register, AwardAccess access, NominationHistory nominations, RolloutOverview rollouts,
			OrganisationDirectory directory) {
		this.register = register;
		this.access = access;
		this.nominations = nominations;
		this.rollouts = rollouts;
		this.directory = directory;
	}

	/** One row of a figures table: a label and its numbers as text. */
	record TableRow(String label, List<String> cells) {
	}

	record Table(String caption, List<String> header, List<TableRow> rows) {
	}

	/** A ward's rollout figures. */
	record WardRollout(String wardName, RolloutOverview.Programme programme, BarChart chart) {
	}

	@GetMapping("/thong-ke")
	String page(@RequestParam(name = "nam", required = false) Integer year, HttpServletRequest request, Model model) {
		Scope scope = scope(request);
		List<AwardEntry> all = register.list(scope.wards(), Set.of(), null, null);
		List<AwardEntry> inEffect = all.stream().filter(a -> IN_EFFECT.contains(a.currentStatus())).toList();
		int chosen = year(year, all);
		model.addAttribute("year", chosen);
		model.addAttribute("years", years(all, chosen));

		// awards by year and kind
		TreeSet<Integer> years = new TreeSet<>();
		List<String> kinds = new ArrayList<>();
		for (AwardEntry a : inEffect) {
			years.add(a.periodYear());
			if (!kinds.contains(a.awardName())) {
				kinds.add(a.awardName());
			}
		}
		List<String> yearLabels = years.stream().map(String::valueOf).toList();
		List<double[]> byYear = new ArrayList<>();
		List<TableRow> byYearRows = new ArrayList<>();
		for (int y : years) {
			double[] v = new double[kinds.size()];
			for (AwardEntry a : inEffect) {
				if (a.periodYear() == y) {
					v[kinds.indexOf(a.awardName())]++;
				}
			}
			byYear.add(v);
			List<String> cells = new ArrayList<>();
			long total = 0;
			for (double x : v) {
				cells.add(BarChart.format(x));
				total += (long) x;
			}
			cells.add(String.valueOf(total));
			byYearRows.add(new TableRow(String.valueOf(y), cells));
		}
		List<String> byYearHeader = new ArrayList<>(kinds);
		byYearHeader.add("Tổng");
		model.addAttribute("byYearChart",
				BarChart.of("bieu-do-theo-nam", "Khen thưởng theo năm và hình thức", kinds, yearLabels, byYear, ""));
		model.addAttribute("byYearTable", new Table("Số khen thưởng theo năm và hình thức", byYearHeader, byYearRows));

		// by chapter, in the chosen year
		Map<String, Integer> byChapter = new LinkedHashMap<>();
		directory.chapters()
			.filter(c -> scope.wards().contains(c.ward().code()))
			.forEach(c -> byChapter.put(c.chapter().name(), 0));
		for (AwardEntry a : inEffect) {
			if (a.periodYear() == chosen) {
				byChapter.merge(a.chapterName(), 1, Integer::sum);
			}
		}
		List<double[]> chapterValues = byChapter.values().stream().map(n -> new double[] { n }).toList();
		model.addAttribute("byChapterChart", BarChart.of("bieu-do-theo-chi-hoi", "Khen thưởng theo chi hội năm " + chosen,
				List.of("Khen thưởng"), List.copyOf(byChapter.keySet()), chapterValues, ""));
		model.addAttribute("byChapterTable", new Table("Số khen thưởng theo chi hội năm " + chosen, List.of("Số khen thưởng"),
				byChapter.entrySet().stream().map(e -> new TableRow(e.getKey(), List.of(e.getValue().toString()))).toList()));

		// rollout progress
		List<WardRollout> wardRollouts = new ArrayList<>();
		for (String wardCode : scope.wards()) {
			String wardName = directory.ward(wardCode).map(Ward::name).orElse(wardCode);
			rollouts.latest(wardCode).ifPresent(p -> {
				List<double[]> counts = p.states().stream().map(s -> new double[] { p.count(s) }).toList();
				wardRollouts.add(new WardRollout(wardName, p, BarChart.of("bieu-do-trien-khai-" + wardCode,
						"Tiến độ triển khai năm " + p.year() + ": số chi hội theo bước", List.of("Chi hội"), p.states(),
						counts, "")));
			});
		}
		model.addAttribute("rollouts", wardRollouts);

		// time from nomination to decision
		Map<String, LocalDate> started = new HashMap<>();
		for (NominationHistory.Entry n : nominations.of(scope.wards(), Set.of())) {
			started.put(n.processInstanceId(), n.createdAt().toLocalDate());
		}
		Map<Integer, List<Long>> days = new TreeMap<>();
		for (AwardEntry a : all) {
			LocalDate from = started.get(a.processInstanceId());
			LocalDate to = a.decisionDate() != null ? a.decisionDate() : a.recordedAt().toLocalDate();
			if (from != null) {
				days.computeIfAbsent(a.periodYear(), k -> new ArrayList<>()).add(Math.max(0, ChronoUnit.DAYS.between(from, to)));
			}
		}
		List<String> dayLabels = new ArrayList<>();
		List<double[]> dayValues = new ArrayList<>();
		List<TableRow> dayRows = new ArrayList<>();
		days.forEach((y, list) -> {
			double avg = list.stream().mapToLong(Long::longValue).average().orElse(0);
			long max = list.stream().mapToLong(Long::longValue).max().orElse(0);
			dayLabels.add(String.valueOf(y));
			dayValues.add(new double[] { Math.round(avg * 10) / 10.0 });
			dayRows.add(new TableRow(String.valueOf(y),
					List.of(String.valueOf(list.size()), BarChart.format(Math.round(avg * 10) / 10.0), String.valueOf(max))));
		});
		model.addAttribute("daysChart", BarChart.of("bieu-do-thoi-gian", "Thời gian từ đề nghị đến quyết định (trung bình, ngày)",
				List.of("Số ngày"), dayLabels, dayValues, " ngày"));
		model.addAttribute("daysTable", new Table("Thời gian từ đề nghị đến quyết định",
				List.of("Số hồ sơ", "Trung bình (ngày)", "Lâu nhất (ngày)"), dayRows));
		return "pages/thong-ke";
	}

	@GetMapping("/thong-ke/bao-cao-nam.xlsx")
	ResponseEntity<byte[]> yearEnd(@RequestParam(name = "nam") int year, HttpServletRequest request) {
		Scope scope = scope(request);
		if (year < 1945 || year > 2200) {
			throw new PageAccessDenied(HttpStatus.BAD_REQUEST, "«Năm» không hợp lệ.");
		}
		List<AwardEntry> rows = register.list(scope.wards(), Set.of(), year, null);
		List<AwardEntry> inEffect = rows.stream().filter(a -> IN_EFFECT.contains(a.currentStatus())).toList();
		Map<String, int[]> byKind = new LinkedHashMap<>();
		for (AwardEntry a : inEffect) {
			int[] c = byKind.computeIfAbsent(a.awardName(), k -> new int[2]);
			c["COLLECTIVE".equals(a.nomineeType()) ? 1 : 0]++;
		}
		List<List<Object>> kindRows = new ArrayList<>();
		int individuals = 0;
		int collectives = 0;
		for (var e : byKind.entrySet()) {
			kindRows.add(List.of(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[0] + e.getValue()[1]));
			individuals += e.getValue()[0];
			collectives += e.getValue()[1];
		}
		kindRows.add(List.of("Tổng cộng", individuals, collectives, individuals + collectives));
		Map<String, int[]> byChapter = new LinkedHashMap<>();
		directory.chapters()
			.filter(c -> scope.wards().contains(c.ward().code()))
			.forEach(c -> byChapter.put(c.chapter().name(), new int[2]));
		for (AwardEntry a : inEffect) {
			byChapter.computeIfAbsent(a.chapterName(), k -> new int[2])["COLLECTIVE".equals(a.nomineeType()) ? 1 : 0]++;
		}
		List<List<Object>> chapterRows = new ArrayList<>();
		byChapter.forEach((k, v) -> chapterRows.add(List.of(k, v[0], v[1], v[0] + v[1])));
		long recommended = rows.stream().filter(a -> AwardEntry.RECOMMENDED.equals(a.status())).count();
		List<List<Object>> rolloutRows = new ArrayList<>();
		for (String wardCode : scope.wards()) {
			rollouts.latest(wardCode).filter(p -> p.year() == year).ifPresent(p -> p.chapters()
				.forEach(c -> rolloutRows.add(List.of(c.chapterName(), c.stateLabel(), String.join("; ", c.overdue())))));
		}
		byte[] body = Xlsx.write(List.of(
				new Xlsx.Table("Tổng hợp theo hình thức", List.of("Hình thức khen thưởng", "Cá nhân", "Tập thể", "Tổng"),
						kindRows),
				new Xlsx.Table("Theo chi hội", List.of("Chi hội", "Cá nhân", "Tập thể", "Tổng"), chapterRows),
				new Xlsx.Table("Đề nghị cấp trên", List.of("Năm", "Số đề nghị gửi cấp trên"),
						List.of(List.of(year, recommended))),
				new Xlsx.Table("Tiến độ triển khai", List.of("Chi hội", "Bước hiện tại", "Quá hạn"), rolloutRows),
				AwardSheets.table(rows)));
		return RegisterPage.download(body, Xlsx.MEDIA_TYPE, "bao-cao-tong-hop-khen-thuong", year, "xlsx");
	}

	private Scope scope(HttpServletRequest request) {
		PageUser user = PageUser.of(request);
		Scope scope = access.scope(user.id(), user.groups());
		if (scope.wards().isEmpty()) {
			throw new PageAccessDenied(HttpStatus.FORBIDDEN,
					"Trang thống kê dành cho Ban Thường vụ, Chủ tịch Hội và Hội đồng thi đua – khen thưởng.");
		}
		return scope;
	}

	private static int year(Integer asked, List<AwardEntry> all) {
		if (asked != null) {
			if (asked < 1945 || asked > 2200) {
				throw new PageAccessDenied(HttpStatus.BAD_REQUEST, "«Năm» không hợp lệ.");
			}
			return asked;
		}
		return all.stream().mapToInt(AwardEntry::periodYear).max().orElse(LocalDate.now().getYear());
	}

	private static List<Integer> years(List<AwardEntry> all, int chosen) {
		TreeSet<Integer> years = new TreeSet<>(java.util.Comparator.reverseOrder());
		all.forEach(a -> years.add(a.periodYear()));
		years.add(chosen);
		years.add(LocalDate.now().getYear());
		return List.copyOf(years);
	}

}
