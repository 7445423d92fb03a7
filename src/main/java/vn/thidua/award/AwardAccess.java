package vn.thidua.award;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.identity.security.Actor;

/**
 * Who may read and act on the award register: the board, the council and the chair read every row
 * of their ward, a chapter head the rows of their chapter; the board and the chair enter the outcome
 * of a recommendation; only the chair records a revocation. The documents of a row
 * ({@code vn.thidua.document}) are read by whoever sees the row.
 */
@Component
public class AwardAccess {

	private final Actor actor;

	private final OrganisationDirectory directory;

	AwardAccess(Actor actor, OrganisationDirectory directory) {
		this.actor = actor;
		this.directory = directory;
	}

	/**
	 * The wards whose whole register the caller reads, and the chapters they read besides; the city's
	 * officials ({@code recommendations}) read every ward's recommendations to the city, nothing else.
	 */
	public record Scope(Set<String> wards, Set<String> chapters, boolean recommendations) {

		public Scope(Set<String> wards, Set<String> chapters) {
			this(wards, chapters, false);
		}

		public boolean empty() {
			return wards.isEmpty() && chapters.isEmpty() && !recommendations;
		}

		public boolean sees(AwardEntry entry) {
			return wards.contains(entry.wardCode()) || chapters.contains(entry.chapterGroup())
					|| (recommendations && AwardEntry.RECOMMENDED.equals(entry.status()));
		}

	}

	public Scope scope() {
		return scope(actor.id(), actor.groups());
	}

	/** The same rule for a login and its groups known otherwise (the pages read them from the web apps' session). */
	public Scope scope(String userId, Collection<String> groups) {
		Set<String> wards = new LinkedHashSet<>();
		for (Ward w : directory.wards()) {
			if (groups.contains(GroupIds.board(w.code())) || groups.contains(GroupIds.council(w.code()))
					|| groups.contains(GroupIds.chair(w.code()))) {
				wards.add(w.code());
			}
		}
		Set<String> chapters = new LinkedHashSet<>();
		directory.chaptersHeadedBy(userId)
			.stream()
			.filter(c -> groups.contains(c.groupId()))
			.forEach(c -> chapters.add(c.groupId()));
		boolean city = directory.cityUnit()
			.map(c -> groups.contains(GroupIds.board(c.code())) || groups.contains(GroupIds.council(c.code()))
					|| groups.contains(GroupIds.chair(c.code())))
			.orElse(false);
		return new Scope(wards, chapters, city);
	}

	boolean isBoardOrChair(String wardCode) {
		return actor.inGroup(GroupIds.board(wardCode)) || isChair(wardCode);
	}

	boolean isChair(String wardCode) {
		return actor.inGroup(GroupIds.chair(wardCode));
	}

	String userId() {
		return actor.id();
	}

}
