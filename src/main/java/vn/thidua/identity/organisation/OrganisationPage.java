package vn.thidua.identity.organisation;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.thidua.identity.organisation.Organisation.Chapter;
import vn.thidua.identity.organisation.Organisation.Person;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationChanges.Outcome;
import vn.thidua.identity.organisation.OrganisationWorkbook.Import;
import vn.thidua.pages.PageController;
import vn.thidua.pages.PageCsrf;
import vn.thidua.pages.PageUser;
import vn.thidua.web.Downloads;
import vn.thidua.web.Messages;
import vn.thidua.web.Problems;
import vn.thidua.web.Refusal;
import vn.thidua.web.Xlsx;

/**
 * {@code /to-chuc}: the organisation administrators' pages. A ward's administrator manages her
 * ward's chapters (heads, Party cells and secretaries), people, chair, board and council; the city's
 * administrator also adds wards and names their administrators. Each form's refusal comes back as
 * the form with status 400 and the sentence beside the field; nothing is written. Rules:
 * {@link OrganisationEdits}; storing and applying: {@link OrganisationChanges}; XLSX:
 * {@link OrganisationWorkbook}.
 */
@Controller
@PageController
class OrganisationPage {

	static final String PATH = "/to-chuc";

	private final OrganisationDirectory directory;

	private final OrganisationChanges changes;

	OrganisationPage(OrganisationDirectory directory, OrganisationChanges changes) {
		this.directory = directory;
		this.changes = changes;
	}

	/** A choice of a select or a check list. */
	record Option(String value, String label) {
	}

	/**
	 * One field of a form.
	 * @param kind {@code text}, {@code email}, {@code select} or {@code checks}
	 */
	record Field(String name, String label, String kind, String value, List<Option> options, Set<String> selected,
			String hint) {
	}

	/** A chapter as the overview lists it. */
	record ChapterRow(String code, String name, String head, String cellName, String secretary) {
	}

	/** A ward as the overview shows it. */
	record WardView(String code, String name, String admin, String chair, List<String> board, String councilName,
			String councilChair, List<String> council, List<ChapterRow> chapters) {
	}

	/** A person as the overview lists her. */
	record PersonRow(String id, String name, String email, String roles, boolean removable) {
	}

	/** A change as the audit page lists it. */
	record AuditRow(LocalDateTime at, String by, String subject, String summary, String before, String after) {
	}

	// ------------------------------------------------------------------ overview

	@GetMapping(PATH)
	String overview(HttpServletRequest request, Model model) {
		Organisation org = directory.organisation();
		String login = PageUser.of(request).id();
		OrganisationEdits.requireAdministrator(org, login);
		List<Ward> wards = OrganisationEdits.wardsManagedBy(org, login);
		model.addAttribute("wards", wards.stream().map(this::view).toList());
		model.addAttribute("managesCity", OrganisationEdits.managesCity(org, login));
		List<PersonRow> people = new ArrayList<>();
		Set<String> shown = new LinkedHashSet<>();
		boolean all = OrganisationEdits.managesCity(org, login);
		for (Ward w : wards) {
			shown.addAll(directory.membersOf(w));
			if (w.admin() != null) {
				shown.add(w.admin());
			}
		}
		for (Person p : org.people()) {
			List<String> roles = OrganisationEdits.roles(org, p.id());
			if (all || shown.contains(p.id()) || roles.isEmpty()) {
				people.add(new PersonRow(p.id(), name(p.id()), p.email(), String.join("; ", roles),
						roles.isEmpty() && !p.id().equals(login)));
			}
		}
		model.addAttribute("people", people);
		if (!model.containsAttribute("importErrors")) {
			model.addAttribute("importErrors", List.of());
		}
		return "pages/to-chuc";
	}

	private WardView view(Ward w) {
		return new WardView(w.code(), w.name(), w.admin() == null ? "" : name(w.admin()), name(w.chair()),
				w.board().stream().map(this::name).toList(), w.council() == null ? "" : w.council().name(),
				w.council() == null ? "" : name(w.council().chair()),
				w.council() == null ? List.of() : w.council().members().stream().map(this::name).toList(),
				w.chapters()
					.stream()
					.map(c -> new ChapterRow(c.code(), c.name(), name(c.head()), c.partyCell().name(),
							name(c.partyCell().secretary())))
					.toList());
	}

	private String name(String login) {
		if (login == null) {
			return "";
		}
		return directory.person(login).map(p -> p.fullName().strip() + " (" + login + ")").orElse(login);
	}

	private List<Option> peopleOptions() {
		return directory.people().stream().map(p -> new Option(p.id(), name(p.id()))).toList();
	}

	// ------------------------------------------------------------------ chapters

	@GetMapping(PATH + "/{ward}/chi-hoi/moi")
	String newChapter(@PathVariable String ward, HttpServletRequest request, Model model) {
		Ward w = OrganisationEdits.managedWard(directory.organisation(), PageUser.of(request).id(), ward);
		return chapterForm(w, null, Map.of(), model);
	}

	@GetMapping(PATH + "/{ward}/chi-hoi/{chapter}")
	String editChapter(@PathVariable String ward, @PathVariable String chapter, HttpServletRequest request,
			Model model) {
		Ward w = OrganisationEdits.managedWard(directory.organisation(), PageUser.of(request).id(), ward);
		Chapter c = chapter(w, chapter);
		return chapterForm(w, c, Map.of(OrganisationEdits.FIELD_NAME, c.name(), OrganisationEdits.FIELD_HEAD, c.head(),
				OrganisationEdits.FIELD_CELL_NAME, c.partyCell().name(), OrganisationEdits.FIELD_SECRETARY,
				c.partyCell().secretary()), model);
	}

	@PostMapping({ PATH + "/{ward}/chi-hoi/moi", PATH + "/{ward}/chi-hoi/{chapter}" })
	String saveChapter(@PathVariable String ward, @PathVariable(required = false) String chapter,
			@RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		String login = PageUser.of(request).id();
		Ward w = OrganisationEdits.managedWard(directory.organisation(), login, ward);
		Chapter existing = chapter == null ? null : chapter(w, chapter);
		return submit(request, response, model, redirect, () -> chapterForm(w, existing, form, model),
				current -> OrganisationEdits.saveChapter(current, login, ward,
						existing == null ? null : existing.code(), form.get(OrganisationEdits.FIELD_CODE),
						form.get(OrganisationEdits.FIELD_NAME), form.get(OrganisationEdits.FIELD_HEAD),
						form.get(OrganisationEdits.FIELD_CELL_NAME), form.get(OrganisationEdits.FIELD_SECRETARY)));
	}

	private static Chapter chapter(Ward w, String code) {
		return w.chapters()
			.stream()
			.filter(c -> c.code().equals(code))
			.findFirst()
			.orElseThrow(() -> Refusal.notFound(Messages.get("orgadmin.refused.chapter-unknown")));
	}

	private String chapterForm(Ward w, Chapter existing, Map<String, String> form, Model model) {
		List<Field> fields = new ArrayList<>();
		if (existing == null) {
			fields.add(new Field(OrganisationEdits.FIELD_CODE, Messages.get("orgadmin.field.chapter-code"), "text",
					form.get(OrganisationEdits.FIELD_CODE), List.of(), Set.of(), Messages.get("orgadmin.hint.code")));
		}
		fields.add(new Field(OrganisationEdits.FIELD_NAME, Messages.get("orgadmin.field.chapter-name"), "text",
				form.get(OrganisationEdits.FIELD_NAME), List.of(), Set.of(), null));
		fields.add(new Field(OrganisationEdits.FIELD_HEAD, Messages.get("orgadmin.field.head"), "select",
				form.get(OrganisationEdits.FIELD_HEAD), peopleOptions(), Set.of(), Messages.get("orgadmin.hint.head")));
		fields.add(new Field(OrganisationEdits.FIELD_CELL_NAME, Messages.get("orgadmin.field.cell-name"), "text",
				form.get(OrganisationEdits.FIELD_CELL_NAME), List.of(), Set.of(), null));
		fields.add(new Field(OrganisationEdits.FIELD_SECRETARY, Messages.get("orgadmin.field.secretary"), "select",
				form.get(OrganisationEdits.FIELD_SECRETARY), peopleOptions(), Set.of(), null));
		String title = existing == null ? Messages.get("orgadmin.title.chapter-new", w.name())
				: Messages.get("orgadmin.title.chapter-edit", existing.name());
		String action = PATH + "/" + w.code() + "/chi-hoi/" + (existing == null ? "moi" : existing.code());
		return form(model, title, Messages.get("orgadmin.lead.chapter"), action, fields);
	}

	// ------------------------------------------------------------------ board and council

	@GetMapping(PATH + "/{ward}/lanh-dao")
	String leadership(@PathVariable String ward, HttpServletRequest request, Model model) {
		Ward w = OrganisationEdits.managedWard(directory.organisation(), PageUser.of(request).id(), ward);
		return leadershipForm(w, w.chair(), new LinkedHashSet<>(w.board()),
				w.council() == null ? null : w.council().chair(),
				w.council() == null ? Set.of() : new LinkedHashSet<>(w.council().members()), model);
	}

	@PostMapping(PATH + "/{ward}/lanh-dao")
	String saveLeadership(@PathVariable String ward,
			@RequestParam(name = OrganisationEdits.FIELD_CHAIR, required = false) String chair,
			@RequestParam(name = OrganisationEdits.FIELD_BOARD, required = false) List<String> board,
			@RequestParam(name = OrganisationEdits.FIELD_COUNCIL_CHAIR, required = false) String councilChair,
			@RequestParam(name = OrganisationEdits.FIELD_COUNCIL, required = false) List<String> council,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		String login = PageUser.of(request).id();
		Ward w = OrganisationEdits.managedWard(directory.organisation(), login, ward);
		return submit(request, response, model, redirect,
				() -> leadershipForm(w, chair, board == null ? Set.of() : new LinkedHashSet<>(board), councilChair,
						council == null ? Set.of() : new LinkedHashSet<>(council), model),
				current -> OrganisationEdits.saveLeadership(current, login, ward, chair, board,
						councilChair, council));
	}

	private String leadershipForm(Ward w, String chair, Set<String> board, String councilChair, Set<String> council,
			Model model) {
		List<Field> fields = List.of(
				new Field(OrganisationEdits.FIELD_CHAIR, Messages.get("orgadmin.field.chair"), "select", chair,
						peopleOptions(), Set.of(), null),
				new Field(OrganisationEdits.FIELD_BOARD, Messages.get("orgadmin.field.board"), "checks", null,
						peopleOptions(), board, null),
				new Field(OrganisationEdits.FIELD_COUNCIL_CHAIR, Messages.get("orgadmin.field.council-chair"), "select",
						councilChair, peopleOptions(), Set.of(), null),
				new Field(OrganisationEdits.FIELD_COUNCIL, Messages.get("orgadmin.field.council"), "checks", null,
						peopleOptions(), council, Messages.get("orgadmin.hint.council")));
		return form(model, Messages.get("orgadmin.title.leadership", w.name()), Messages.get("orgadmin.lead.leadership"),
				PATH + "/" + w.code() + "/lanh-dao", fields);
	}

	// ------------------------------------------------------------------ people

	@GetMapping(PATH + "/nguoi/moi")
	String newPerson(HttpServletRequest request, Model model) {
		OrganisationEdits.requireAdministrator(directory.organisation(), PageUser.of(request).id());
		return personForm(Map.of(), model);
	}

	@PostMapping(PATH + "/nguoi/moi")
	String addPerson(@RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		String login = PageUser.of(request).id();
		OrganisationEdits.requireAdministrator(directory.organisation(), login);
		return submit(request, response, model, redirect, () -> personForm(form, model),
				current -> OrganisationEdits.addPerson(current, login, form.get(OrganisationEdits.FIELD_LOGIN),
						form.get(OrganisationEdits.FIELD_FAMILY_NAMES), form.get(OrganisationEdits.FIELD_GIVEN_NAME),
						form.get(OrganisationEdits.FIELD_EMAIL)));
	}

	private String personForm(Map<String, String> form, Model model) {
		List<Field> fields = List.of(
				new Field(OrganisationEdits.FIELD_LOGIN, Messages.get("orgadmin.field.login"), "text",
						form.get(OrganisationEdits.FIELD_LOGIN), List.of(), Set.of(), Messages.get("orgadmin.hint.login")),
				new Field(OrganisationEdits.FIELD_FAMILY_NAMES, Messages.get("orgadmin.field.family-names"), "text",
						form.get(OrganisationEdits.FIELD_FAMILY_NAMES), List.of(), Set.of(), null),
				new Field(OrganisationEdits.FIELD_GIVEN_NAME, Messages.get("orgadmin.field.given-name"), "text",
						form.get(OrganisationEdits.FIELD_GIVEN_NAME), List.of(), Set.of(), null),
				new Field(OrganisationEdits.FIELD_EMAIL, Messages.get("orgadmin.field.email"), "email",
						form.get(OrganisationEdits.FIELD_EMAIL), List.of(), Set.of(), null));
		return form(model, Messages.get("orgadmin.title.person-new"), Messages.get("orgadmin.lead.person"),
				PATH + "/nguoi/moi", fields);
	}

	@PostMapping(PATH + "/nguoi/{id}/xoa")
	String removePerson(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		String login = PageUser.of(request).id();
		OrganisationEdits.requireAdministrator(directory.organisation(), login);
		return submit(request, response, model, redirect, () -> overview(request, model),
				current -> OrganisationEdits.removePerson(current, login, id));
	}

	// ------------------------------------------------------------------ wards (city administrator)

	@GetMapping(PATH + "/phuong/moi")
	String newWard(HttpServletRequest request, Model model) {
		requireCity(request);
		return wardForm(null, Map.of(), model);
	}

	@GetMapping(PATH + "/{ward}/sua")
	String editWard(@PathVariable String ward, HttpServletRequest request, Model model) {
		requireCity(request);
		Ward w = OrganisationEdits.managedWard(directory.organisation(), PageUser.of(request).id(), ward);
		return wardForm(w, Map.of(OrganisationEdits.FIELD_NAME, w.name(), OrganisationEdits.FIELD_ADMIN,
				w.admin() == null ? "" : w.admin()), model);
	}

	@PostMapping({ PATH + "/phuong/moi", PATH + "/{ward}/sua" })
	String saveWard(@PathVariable(required = false) String ward, @RequestParam Map<String, String> form,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		requireCity(request);
		String login = PageUser.of(request).id();
		Ward w = ward == null ? null : OrganisationEdits.managedWard(directory.organisation(), login, ward);
		return submit(request, response, model, redirect, () -> wardForm(w, form, model),
				current -> OrganisationEdits.saveWard(current, login, ward,
						form.get(OrganisationEdits.FIELD_CODE), form.get(OrganisationEdits.FIELD_NAME),
						form.get(OrganisationEdits.FIELD_ADMIN), form.get(OrganisationEdits.FIELD_CHAIR)));
	}

	private void requireCity(HttpServletRequest request) {
		if (!OrganisationEdits.managesCity(directory.organisation(), PageUser.of(request).id())) {
			throw Refusal.forbidden(Messages.get("orgadmin.refused.not-city-admin"));
		}
	}

	private String wardForm(Ward w, Map<String, String> form, Model model) {
		List<Field> fields = new ArrayList<>();
		if (w == null) {
			fields.add(new Field(OrganisationEdits.FIELD_CODE, Messages.get("orgadmin.field.ward-code"), "text",
					form.get(OrganisationEdits.FIELD_CODE), List.of(), Set.of(), Messages.get("orgadmin.hint.code")));
		}
		fields.add(new Field(OrganisationEdits.FIELD_NAME, Messages.get("orgadmin.field.ward-name"), "text",
				form.get(OrganisationEdits.FIELD_NAME), List.of(), Set.of(), null));
		List<Option> admins = new ArrayList<>();
		admins.add(new Option("", Messages.get("orgadmin.option.none")));
		admins.addAll(peopleOptions());
		fields.add(new Field(OrganisationEdits.FIELD_ADMIN, Messages.get("orgadmin.field.admin"), "select",
				form.get(OrganisationEdits.FIELD_ADMIN), admins, Set.of(), null));
		if (w == null) {
			fields.add(new Field(OrganisationEdits.FIELD_CHAIR, Messages.get("orgadmin.field.chair"), "select",
					form.get(OrganisationEdits.FIELD_CHAIR), peopleOptions(), Set.of(),
					Messages.get("orgadmin.hint.ward-chair")));
		}
		String title = w == null ? Messages.get("orgadmin.title.ward-new")
				: Messages.get("orgadmin.title.ward-edit", w.name());
		return form(model, title, Messages.get("orgadmin.lead.ward"),
				w == null ? PATH + "/phuong/moi" : PATH + "/" + w.code() + "/sua", fields);
	}

	// ------------------------------------------------------------------ XLSX

	@GetMapping(PATH + "/xuat")
	ResponseEntity<byte[]> export(HttpServletRequest request) {
		Organisation org = directory.organisation();
		String login = PageUser.of(request).id();
		OrganisationEdits.requireAdministrator(org, login);
		return Downloads.attachment(Xlsx.MEDIA_TYPE, Messages.get("orgadmin.xlsx.file-name"),
				OrganisationWorkbook.export(org, OrganisationEdits.wardsManagedBy(org, login)));
	}

	@PostMapping(PATH + "/nhap")
	String importWorkbook(@RequestParam(name = "tep", required = false) MultipartFile file, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) throws IOException {
		String login = PageUser.of(request).id();
		OrganisationEdits.requireAdministrator(directory.organisation(), login);
		if (!PageCsrf.valid(request)) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			model.addAttribute("errorMessage", Messages.get("pages.logout.session-expired"));
			return overview(request, model);
		}
		if (file == null || file.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errorMessage", Messages.get("orgadmin.refused.file-missing"));
			return overview(request, model);
		}
		byte[] bytes = file.getBytes();
		Import[] read = new Import[1];
		try {
			changes.apply(login, current -> {
				read[0] = OrganisationWorkbook.read(bytes, current, login);
				if (read[0].outcome() == null) {
					throw new ImportRefused();
				}
				return read[0].outcome();
			});
		}
		catch (ImportRefused refused) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errorMessage", Messages.get("orgadmin.import.refused", read[0].errors().size()));
			model.addAttribute("importErrors", read[0].errors());
			return overview(request, model);
		}
		catch (Refusal refused) {
			response.setStatus(refused.getStatusCode().value());
			model.addAttribute("errorMessage", refused.getMessage());
			return overview(request, model);
		}
		redirect.addFlashAttribute("done", Messages.get("orgadmin.import.done", read[0].outcome().changes().size()));
		return "redirect:" + PATH;
	}

	/** An import with wrong rows: the transaction is rolled back, the rows are shown. */
	private static final class ImportRefused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		ImportRefused() {
			super(null, null, false, false);
		}

	}

	// ------------------------------------------------------------------ audit

	@GetMapping(PATH + "/nhat-ky")
	String audit(HttpServletRequest request, Model model) {
		Organisation org = directory.organisation();
		String login = PageUser.of(request).id();
		OrganisationEdits.requireAdministrator(org, login);
		List<String> wards = OrganisationEdits.managesCity(org, login) ? null
				: OrganisationEdits.wardsManagedBy(org, login).stream().map(Ward::code).toList();
		model.addAttribute("entries", changes.audit(wards, 500)
			.stream()
			.map(e -> new AuditRow(LocalDateTime.ofInstant(e.changedAt(), java.time.ZoneId.of("Asia/Ho_Chi_Minh")),
					name(e.changedBy()), e.subject(), e.summary(), describe(e.before()), describe(e.after())))
			.toList());
		return "pages/to-chuc-nhat-ky";
	}

	/** A part as stored in the audit (JSON), as lines «label: value» people read. */
	static String describe(String json) {
		if (json == null) {
			return null;
		}
		try {
			StringBuilder out = new StringBuilder();
			describe(OrganisationStore.JSON.readTree(json), "", out);
			return out.toString().strip();
		}
		catch (IOException | RuntimeException ex) {
			return json;
		}
	}

	private static void describe(com.fasterxml.jackson.databind.JsonNode node, String prefix,
			StringBuilder out) {
		if (node.isArray()) {
			boolean scalars = true;
			for (var item : node) {
				scalars &= item.isValueNode();
			}
			if (scalars) {
				List<String> items = new ArrayList<>();
				node.forEach(item -> items.add(item.asText()));
				out.append(prefix).append(String.join(", ", items)).append('\n');
			}
			else {
				node.forEach(item -> {
					describe(item, prefix, out);
					out.append('\n');
				});
			}
			return;
		}
		if (!node.isObject()) {
			out.append(prefix).append(node.isNull() ? "–" : node.asText()).append('\n');
			return;
		}
		node.fields().forEachRemaining(field -> {
			if ("fullName".equals(field.getKey())) {
				return;
			}
			String label = prefix + label(field.getKey());
			var value = field.getValue();
			if (value.isValueNode() || value.isArray() && value.size() > 0 && value.get(0).isValueNode()) {
				describe(value, label + ": ", out);
			}
			else if (value.isArray() && value.isEmpty()) {
				out.append(label).append(": –\n");
			}
			else {
				describe(value, label + " – ", out);
			}
		});
	}

	/** The Vietnamese name of a field of the organisation's records; a field added later keeps its own. */
	private static String label(String key) {
		return switch (key) {
			case "code" -> Messages.get("orgadmin.audit.key.code");
			case "name" -> Messages.get("orgadmin.audit.key.name");
			case "head" -> Messages.get("orgadmin.audit.key.head");
			case "partyCell" -> Messages.get("orgadmin.audit.key.party-cell");
			case "secretary" -> Messages.get("orgadmin.audit.key.secretary");
			case "chair" -> Messages.get("orgadmin.audit.key.chair");
			case "board" -> Messages.get("orgadmin.audit.key.board");
			case "council" -> Messages.get("orgadmin.audit.key.council");
			case "members" -> Messages.get("orgadmin.audit.key.members");
			case "admin" -> Messages.get("orgadmin.audit.key.admin");
			case "chapters" -> Messages.get("orgadmin.audit.key.chapters");
			case "id" -> Messages.get("orgadmin.audit.key.id");
			case "firstName" -> Messages.get("orgadmin.audit.key.first-name");
			case "lastName" -> Messages.get("orgadmin.audit.key.last-name");
			case "email" -> Messages.get("orgadmin.audit.key.email");
			default -> key;
		};
	}

	// ------------------------------------------------------------------ helpers

	private String submit(HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect, Supplier<String> again, OrganisationChanges.Edit edit) {
		String login = PageUser.of(request).id();
		if (!PageCsrf.valid(request)) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			model.addAttribute("errorMessage", Messages.get("pages.logout.session-expired"));
			return again.get();
		}
		Outcome[] done = new Outcome[1];
		try {
			// the edit runs on the stored organisation inside the change's transaction
			changes.apply(login, current -> {
				done[0] = edit.apply(current);
				return done[0];
			});
		}
		catch (Refusal refused) {
			response.setStatus(refused.getStatusCode().value());
			model.addAttribute("errorField", refused.getBody().getProperties() == null ? null
					: refused.getBody().getProperties().get(Problems.FIELD));
			model.addAttribute("errorMessage", refused.getMessage());
			return again.get();
		}
		redirect.addFlashAttribute("done", done[0].changes().isEmpty() ? Messages.get("orgadmin.saved")
				: done[0].changes().get(0).summary());
		return "redirect:" + PATH;
	}

	private String form(Model model, String title, String lead, String action, List<Field> fields) {
		model.addAttribute("title", title);
		model.addAttribute("lead", lead);
		model.addAttribute("action", action);
		model.addAttribute("fields", fields);
		if (!model.containsAttribute("errorField")) {
			model.addAttribute("errorField", null);
		}
		return "pages/to-chuc-form";
	}

}
