package vn.thidua.identity.organisation;

import java.util.List;

/**
 * The organisation tree as described in the organisation file: a city union, its ward unions, each
 * with its chair, board (Ban Thường vụ), emulation and commendation council and chapters (chi hội),
 * every chapter paired with a Party cell (chi bộ). People are listed once and referred to by login.
 */
public record Organisation(City city, List<Ward> wards, List<Person> people) {

	public Organisation {
		wards = wards == null ? List.of() : List.copyOf(wards);
		people = people == null ? List.of() : List.copyOf(people);
	}

	/**
	 * The city (or province) union the wards report to. With a chair, a board and a council it reviews
	 * the wards' recommendations above their authority (issue 19) like a ward reviews its chapters'.
	 *
	 * @param admin the login of the city administrator (manages wards and their administrators), or null
	 */
	public record City(String code, String name, String admin, String chair, List<String> board, Council council) {

		public City {
			board = board == null ? List.of() : List.copyOf(board);
		}

		/** A city that only names the organisation (no officials: it reviews nothing). */
		public City(String code, String name) {
			this(code, name, null);
		}

		public City(String code, String name, String admin) {
			this(code, name, admin, null, List.of(), null);
		}

		/** Whether the city has its own officials, and so its own review of the wards' recommendations. */
		public boolean reviews() {
			return chair != null && council != null;
		}

		/** The city as an organisation unit with a chair, a board and a council (and no chapters). */
		public Ward asUnit() {
			return new Ward(code, name, chair, board, council, List.of(), null);
		}

	}

	/**
	 * A ward Women's Union: the unit whose work the processes drive.
	 *
	 * @param admin the login of the ward administrator (manages chapters, people and bodies), or null
	 */
	public record Ward(String code, String name, String chair, List<String> board, Council council,
			List<Chapter> chapters, String admin) {

		public Ward {
			board = board == null ? List.of() : List.copyOf(board);
			chapters = chapters == null ? List.of() : List.copyOf(chapters);
		}

		public Ward(String code, String name, String chair, List<String> board, Council council,
				List<Chapter> chapters) {
			this(code, name, chair, board, council, chapters, null);
		}

	}

	/** The emulation and commendation council (Hội đồng thi đua khen thưởng) of a ward. */
	public record Council(String name, String chair, List<String> members) {

		public Council {
			members = members == null ? List.of() : List.copyOf(members);
		}

	}

	/** A chapter (chi hội) with its head and the Party cell (chi bộ) that guides it. */
	public record Chapter(String code, String name, String head, PartyCell partyCell) {
	}

	/** The Party cell paired with a chapter, and its secretary (bí thư chi bộ). */
	public record PartyCell(String name, String secretary) {
	}

	/** A person with a login. Vietnamese names: family and middle names first, given name last. */
	public record Person(String id, String firstName, String lastName, String email) {

		public String fullName() {
			return (firstName == null ? "" : firstName + " ") + (lastName == null ? "" : lastName);
		}

	}

}
