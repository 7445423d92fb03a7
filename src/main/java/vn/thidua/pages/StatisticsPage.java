package vn.thidua.pages;

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

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.thidua.award.AwardAccess.Scope;
import vn.thidua.award.AwardEntry;
import vn.thidua.award.AwardRegister;
import vn.thidua.award.AwardSheets;
import vn.thidua.nomination.NominationHistory;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.rollout.RolloutOverview;
import vn.thidua.web.Downloads;
import vn.thidua.web.Messages;
import vn.thidua.web.Xlsx;

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

	private final PageAccess pageAccess;

	private final NominationHistory nominations;

	private final RolloutOverview rollouts;

	private final OrganisationDirectory directory;

	StatisticsPage(AwardRegister register, PageAccess pageAccess, NominationHistory nominations, RolloutOverview rollouts,
			OrganisationDirectory directory) {
		this.register = register;
		this.pageAccess = pageAccess;
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
		Scope scope = pageAccess.wards(request);
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
		byYearHeader.add(Messages.get("pages.statistics.total"));
		model.addAttribute("byYearChart",
				BarChart.of("bieu-do-theo-nam", Messages.get("pages.statistics.by-year.chart"), kinds, yearLabels, byYear,
						""));
		model.addAttribute("byYearTable",
				new Table(Messages.get("pages.statistics.by-year.table"), byYearHeader, byYearRows));

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
		String chosenYear = String.valueOf(chosen);
		model.addAttribute("byChapterChart",
				BarChart.of("bieu-do-theo-chi-hoi", Messages.get("pages.statistics.by-chapter.chart", chosenYear),
						List.of(Messages.get("pages.statistics.by-chapter.series")), List.copyOf(byChapter.keySet()),
						chapterValues, ""));
		model.addAttribute("byChapterTable", new Table(Messages.get("pages.statistics.by-chapter.table", chosenYear),
				List.of(Messages.get("pages.statistics.by-chapter.column")),
				byChapter.entrySet().stream().map(e -> new TableRow(e.getKey(), List.of(e.getValue().toString()))).toList()));

		// rollout progress
		List<WardRollout> wardRollouts = new ArrayList<>();
		for (String wardCode : scope.wards()) {
			String wardName = directory.ward(wardCode).map(Ward::name).orElse(wardCode);
			rollouts.latest(wardCode).ifPresent(p -> {
				List<double[]> counts = p.states().stream().map(s -> new double[] { p.count(s) }).toList();
				wardRollouts.add(new WardRollout(wardName, p, BarChart.of("bieu-do-trien-khai-" + wardCode,
						Messages.get("pages.statistics.rollout.chart", String.valueOf(p.year())),
						List.of(Messages.get("pages.statistics.column.chapter")), p.states(), counts, "")));
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
		model.addAttribute("daysChart", BarChart.of("bieu-do-thoi-gian", Messages.get("pages.statistics.days.chart"),
				List.of(Messages.get("pages.statistics.days.series")), dayLabels, dayValues,
				" " + Messages.get("pages.statistics.days.unit")));
		model.addAttribute("daysTable", new Table(Messages.get("pages.statistics.days.table"),
				List.of(Messages.get("pages.statistics.days.count"), Messages.get("pages.statistics.days.average"),
						Messages.get("pages.statistics.days.longest")),
				dayRows));
		return "pages/thong-ke";
	}

	@GetMapping("/thong-ke/bao-cao-nam.xlsx")
	ResponseEntity<byte[]> yearEnd(@RequestParam(name = "nam") int year, HttpServletRequest request) {
		Scope scope = pageAccess.wards(request);
		PageAccess.year(year);
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
		kindRows.add(List.of(Messages.get("pages.statistics.grand-total"), individuals, collectives, individuals + collectives));
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
		String chapter = Messages.get("pages.statistics.column.chapter");
		String individual = Messages.get("pages.statistics.column.individual");
		String collective = Messages.get("pages.statistics.column.collective");
		String total = Messages.get("pages.statistics.total");
		byte[] body = Xlsx.write(List.of(
				new Xlsx.Table(Messages.get("pages.statistics.sheet.by-kind"),
						List.of(Messages.get("pages.statistics.column.award"), individual, collective, total), kindRows),
				new Xlsx.Table(Messages.get("pages.statistics.sheet.by-chapter"),
						List.of(chapter, individual, collective, total), chapterRows),
				new Xlsx.Table(Messages.get("pages.statistics.sheet.recommended"),
						List.of(Messages.get("pages.statistics.column.year"),
								Messages.get("pages.statistics.column.recommended")),
						List.of(List.of(year, recommended))),
				new Xlsx.Table(Messages.get("pages.statistics.sheet.rollout"),
						List.of(chapter, Messages.get("pages.statistics.column.step"),
								Messages.get("pages.statistics.column.overdue")),
						rolloutRows),
				AwardSheets.table(rows)));
		return Downloads.attachment(Xlsx.MEDIA_TYPE,
				RegisterPage.fileName("bao-cao-tong-hop-khen-thuong", year, "xlsx"), body);
	}

	private static int year(Integer asked, List<AwardEntry> all) {
		if (asked != null) {
			return PageAccess.year(asked);
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
