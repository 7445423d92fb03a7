package vn.thidua.standin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.identity.organisation.Organisation;
import vn.thidua.identity.organisation.Organisation.Chapter;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.web.Messages;
import vn.thidua.web.Refusal;

/**
 * Who may stand in for whom, and when a period counts (issue 19), on plain values: no engine. Only
 * people of the same body stand in for each other (the chair's, the board, the council, a chapter's
 * heads, a Party cell's secretaries); the chair may also name a board member. A person has one
 * stand-in at a time; a period is named for today or later and ends on or after its first day.
 */
final class StandInRules {

	/** The form fields, as the page names them (the 400's field). */
	static final String FIELD_STAND_IN = "nguoiThay";

	static final String FIELD_FROM = "tuNgay";

	static final String FIELD_TO = "denNgay";

	/** The longest period one may name: a stand-in is for an absence, not a new holder of the office. */
	static final int MAX_DAYS = 92;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private StandInRules() {
	}

	/**
	 * A body people stand in for each other in: a group's members, and whom else a member may name.
	 *
	 * @param alsoFrom the people whom members of this body may name besides each other (the chair: the board)
	 */
	record Body(String groupId, Set<String> members, Set<String> alsoFrom) {

		Body {
			members = Set.copyOf(members);
			alsoFrom = Set.copyOf(alsoFrom);
		}

	}

	/** A named period, cancelled or not. */
	record Period(long id, String person, String standIn, LocalDate from, LocalDate to, boolean cancelled) {

		/** Whether the stand-in takes the person's tasks on this day. */
		boolean activeOn(LocalDate day) {
			return !cancelled && !day.isBefore(from) && !day.isAfter(to);
		}

		boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
			return !cancelled && !otherTo.isBefore(from) && !otherFrom.isAfter(to);
		}

	}

	/** The bodies of the organisation: per ward the chair's, the board, the council, each chapter and Party cell. */
	static List<Body> bodies(Organisation organisation) {
		List<Body> bodies = new ArrayList<>();
		for (Ward w : organisation.wards()) {
			bodies.add(new Body(GroupIds.chair(w.code()), Set.of(w.chair()), Set.copyOf(w.board())));
			bodies.add(new Body(GroupIds.board(w.code()), Set.copyOf(w.board()), Set.of()));
			if (w.council() != null) {
				bodies.add(new Body(GroupIds.council(w.code()), Set.copyOf(w.council().members()), Set.of()));
			}
			for (Chapter c : w.chapters()) {
				bodies.add(new Body(GroupIds.chapter(w.code(), c.code()), Set.of(c.head()), Set.of()));
				if (c.partyCell() != null) {
					bodies.add(new Body(GroupIds.partyCell(w.code(), c.code()), Set.of(c.partyCell().secretary()),
							Set.of()));
				}
			}
		}
		return bodies;
	}

	/** The people the person may name, in the order of the bodies. */
	static Set<String> allowedFor(String person, Collection<Body> bodies) {
		Set<String> allowed = new LinkedHashSet<>();
		for (Body body : bodies) {
			if (body.members().contains(person)) {
				body.members().stream().sorted().forEach(allowed::add);
				body.alsoFrom().stream().sorted().forEach(allowed::add);
			}
		}
		allowed.remove(person);
		return allowed;
	}

	/**
	 * Checks a new period of the person; refuses with 400 naming the field.
	 *
	 * @param existing the person's periods named before (cancelled ones are ignored)
	 */
	static void check(String person, String standIn, LocalDate from, LocalDate to, LocalDate today,
			Collection<Body> bodies, Collection<Period> existing) {
		if (standIn == null || standIn.isBlank()) {
			throw Refusal.badRequest(FIELD_STAND_IN, Messages.get("standin.refused.stand-in-missing"));
		}
		if (standIn.equals(person)) {
			throw Refusal.badRequest(FIELD_STAND_IN, Messages.get("standin.refused.herself"));
		}
		if (!allowedFor(person, bodies).contains(standIn)) {
			throw Refusal.badRequest(FIELD_STAND_IN, Messages.get("standin.refused.other-body"));
		}
		if (from == null) {
			throw Refusal.badRequest(FIELD_FROM, Messages.get("standin.refused.from-missing"));
		}
		if (to == null) {
			throw Refusal.badRequest(FIELD_TO, Messages.get("standin.refused.to-missing"));
		}
		if (from.isBefore(today)) {
			throw Refusal.badRequest(FIELD_FROM, Messages.get("standin.refused.past"));
		}
		if (to.isBefore(from)) {
			throw Refusal.badRequest(FIELD_TO, Messages.get("standin.refused.end-before-start"));
		}
		if (to.isAfter(from.plusDays(MAX_DAYS - 1L))) {
			throw Refusal.badRequest(FIELD_TO, Messages.get("standin.refused.too-long", String.valueOf(MAX_DAYS)));
		}
		for (Period p : existing) {
			if (p.person().equals(person) && p.overlaps(from, to)) {
				throw Refusal.badRequest(FIELD_FROM, Messages.get("standin.refused.overlap", format(p.from()),
						format(p.to())));
			}
		}
	}

	/** The day's date in the zone of the clock (the engine's). */
	static LocalDate today(Clock clock) {
		return LocalDate.now(clock);
	}

	static String format(LocalDate date) {
		return DAY.format(date);
	}

}
